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
	e.Use(s.bodyLimit)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.StaticFS("/static", echo.MustSubFS(templates.FS, "static"))

	api := e.Group("/api/v1")
	api.GET("/articles", s.listArticles)
	api.POST("/articles", s.createArticle)
	api.GET("/articles/:id", s.getArticle)
	api.DELETE("/articles/:id", s.deleteArticle)
	api.POST("/detect", s.detect)
	api.GET("/entities", s.listEntities)
	api.GET("/entities/:id", s.getEntity)
	api.PUT("/entities/:id/preferred", s.putPreferred)
	api.POST("/entities/:id/merge", s.mergeEntity)
	api.POST("/entities/:id/detach", s.detachVariant)
	api.POST("/names/resolve", s.resolveNames)
	api.POST("/names/group", s.groupNames)
	api.POST("/normalize", s.normalize)
	api.GET("/stories", s.listStories)
	api.POST("/stories", s.postStory)
	api.GET("/stories/:id", s.getStory)
	api.GET("/stories/:id/alignment", s.getAlignment)
	api.GET("/stories/:id/coverage", s.getCoverage)
	api.PUT("/articles/:id/story", s.putArticleStory)
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
	pages.GET("/articles", s.articlesPage)
	pages.GET("/articles/new", s.newArticlePage)
	pages.POST("/articles", s.createArticleForm)
	pages.GET("/articles/:id", s.articlePage)
	pages.POST("/articles/:id/delete", s.deleteArticleForm)
	pages.GET("/entities", s.entitiesPage)
	pages.GET("/entities/:id", s.entityPage)
	pages.POST("/entities/:id/preferred", s.preferredForm)
	pages.POST("/entities/:id/merge", s.mergeForm)
	pages.POST("/entities/:id/detach", s.detachForm)
	pages.GET("/variants", s.variantsPage)
	pages.GET("/stories", s.storiesPage)
	pages.GET("/stories/:id", s.storyPage)
	pages.POST("/articles/:id/story", s.moveForm)
	pages.GET("/compare", s.comparePage)
}
