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

	pages := e.Group("", middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "form:_csrf",
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
		ContextKey:     "csrf",
	}))
	pages.GET("/", s.home)
	pages.GET("/login", s.loginPage)
	pages.POST("/login", s.login)
	pages.GET("/stories", s.storiesPage)
	pages.GET("/stories/:id", s.storyPage)
	pages.GET("/articles", s.articlesPage)
	pages.GET("/articles/new", s.newArticlePage)
	pages.POST("/articles", s.createArticleForm, w)
	pages.GET("/articles/:id", s.articlePage)
	pages.POST("/articles/:id/delete", s.deleteArticleForm, w)
	pages.POST("/articles/:id/story", s.moveForm, w)
	pages.GET("/compare", s.comparePage)
	pages.GET("/entities", s.entitiesPage)
	pages.GET("/entities/:id", s.entityPage)
	pages.POST("/entities/:id/preferred", s.preferredForm, w)
	pages.POST("/entities/:id/merge", s.mergeForm, w)
	pages.POST("/entities/:id/detach", s.detachForm, w)
	pages.GET("/variants", s.variantsPage)
}
