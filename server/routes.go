package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"interlinear/templates"
)

func (s *Server) routes() {
	e := s.e
	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	e.Use(middleware.Recover())
	e.Use(middleware.RequestID())
	e.Use(s.requestLog())
	e.Use(s.metrics.observe)
	e.Use(securityHeaders)
	e.Use(s.bodyLimit)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metrics.handler())
	e.StaticFS("/static", echo.MustSubFS(templates.FS, "static"))

	w := s.requireWrite
	api := e.Group("/api/v1")
	api.GET("/openapi.json", s.openAPI)
	api.GET("/articles", s.listArticles)
	api.POST("/articles", s.createArticle, w)
	api.GET("/articles/:id", s.getArticle)
	api.DELETE("/articles/:id", s.deleteArticle, w)
	api.PUT("/articles/:id/story", s.putArticleStory, w)
	api.POST("/detect", s.detect)
	api.GET("/entities", s.listEntities)
	api.GET("/entities/:id", s.getEntity)
	api.PUT("/entities/:id/preferred", s.putPreferred, w)
	api.POST("/entities/:id/merge", s.mergeEntity, w)
	api.POST("/entities/:id/detach", s.detachVariant, w)
	api.POST("/names/resolve", s.resolveNames)
	api.POST("/names/group", s.groupNames)
	api.POST("/normalize", s.normalize)
	api.GET("/stories", s.listStories)
	api.POST("/stories", s.postStory, w)
	api.GET("/stories/:id", s.getStory)
	api.GET("/stories/:id/alignment", s.getAlignment)
	api.GET("/stories/:id/coverage", s.getCoverage)
	api.POST("/align", s.alignDocuments)

	// Pages carry CSRF protection route by route: a group with middleware
	// and no prefix would catch every unmatched path, the API's included,
	// and answer them as pages.
	csrf := middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "form:_csrf",
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
		ContextKey:     "csrf",
	})
	e.GET("/", s.home, csrf)
	e.GET("/login", s.loginPage, csrf)
	e.POST("/login", s.login, csrf)
	e.GET("/stories", s.storiesPage, csrf)
	e.GET("/stories/:id", s.storyPage, csrf)
	e.GET("/articles", s.articlesPage, csrf)
	e.GET("/articles/new", s.newArticlePage, csrf)
	e.POST("/articles", s.createArticleForm, csrf, w)
	e.GET("/articles/:id", s.articlePage, csrf)
	e.POST("/articles/:id/delete", s.deleteArticleForm, csrf, w)
	e.POST("/articles/:id/story", s.moveForm, csrf, w)
	e.GET("/compare", s.comparePage, csrf)
	e.GET("/entities", s.entitiesPage, csrf)
	e.GET("/entities/:id", s.entityPage, csrf)
	e.POST("/entities/:id/preferred", s.preferredForm, csrf, w)
	e.POST("/entities/:id/merge", s.mergeForm, csrf, w)
	e.POST("/entities/:id/detach", s.detachForm, csrf, w)
	e.GET("/variants", s.variantsPage, csrf)
}
