package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// Reasons why Clean removed a piece of text, worded for a desk editor.
const (
	ReasonNavigation  = "site navigation"
	ReasonShare       = "share or follow buttons"
	ReasonPageCode    = "leftover page code"
	ReasonByline      = "byline and date"
	ReasonReadingTime = "reading time"
	ReasonWidget      = "sidebar box or advertisement"
	ReasonCopyright   = "copyright or licence notice"
	ReasonRelated     = "related-article teaser"
	ReasonPhotoCredit = "photo credit"
	ReasonHeadline    = "headline repeated from the title"
	ReasonRepeated    = "repeated paragraph"
)

// lineReason says why a single line is page furniture wherever it stands,
// or returns "". text is the collapsed line. The rules are patterns that
// page furniture follows, and short curated phrase lists in English,
// French, Arabic, Russian and Chinese; none of them matches a sentence.
func lineReason(text string) string {
	if r := phraseReason(phraseKey(text)); r != "" {
		return r
	}
	switch {
	case pageCode.MatchString(text):
		return ReasonPageCode
	case isShareButtons(text):
		return ReasonShare
	case readingTime.MatchString(text):
		return ReasonReadingTime
	case isCopyright(text):
		return ReasonCopyright
	case isByline(text):
		return ReasonByline
	case isWidgetHeading(text):
		return ReasonWidget
	case isRelatedLink(text):
		return ReasonRelated
	case creditLine.MatchString(text) && !endsSentence(text) && words(text) <= 10:
		return ReasonPhotoCredit
	}
	return ""
}

// phraseKey is the form of a short line that the phrase lists are written
// in: lowercase, quotes folded, without the bullets, arrows, separators and
// colons that menus put around their items ("» Top", "Share:", "| Home |").
func phraseKey(text string) string {
	if len(text) > 60 {
		return ""
	}
	k := strings.ToLower(FoldQuotes(text))
	k = strings.TrimFunc(k, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune(":：|/\\»«›‹>•·*-–—←→↑↓^#()[]", r)
	})
	return strings.Join(strings.Fields(k), " ")
}

// phraseReason classifies the whole-line phrases that are furniture in any
// position: menu entries, language switches, back-to-top links and the
// headings of link boxes.
func phraseReason(key string) string {
	switch key {
	case "home", "menu", "main menu", "search", "skip to content", "skip to main content",
		"sign in", "log in", "login", "register", "subscribe", "newsletter", "top",
		"back to top", "back to the top", "go to top", "scroll to top", "previous", "next",
		"previous article", "next article", "previous post", "next post", "load more",
		"show more", "close", "toggle navigation", "breaking news",
		"english", "français", "francais", "español", "deutsch", "русский", "العربية",
		"中文", "简体中文", "繁體中文", "日本語", "türkçe", "فارسی",
		"accueil", "rechercher", "retour en haut", "haut de page", "s'abonner", "se connecter",
		"главная", "поиск", "наверх", "подписаться", "войти",
		"الرئيسية", "بحث", "العودة للأعلى", "اشترك", "تسجيل الدخول",
		"首页", "搜索", "返回顶部", "回到顶部", "登录", "订阅":
		return ReasonNavigation
	case "follow us", "follow us on", "follow", "suivez-nous", "suivez nous",
		"подписывайтесь", "подписывайтесь на нас", "تابعونا", "تابعنا", "关注我们":
		return ReasonShare
	case "advertisement", "advertising", "sponsored", "sponsored content", "ad", "ads",
		"trending", "trending now", "popular", "editor's picks", "latest news", "latest stories",
		"recommended", "recommended for you", "top stories",
		"publicité", "les plus lus", "les plus partagés", "à la une",
		"реклама", "популярное", "самое читаемое", "самое популярное", "главное",
		"إعلان", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر قراءة اليوم",
		"广告", "热门", "热门新闻", "热点新闻", "点击排行", "排行榜":
		return ReasonWidget
	case "check also", "see also", "read also", "read more", "related", "related articles",
		"related stories", "related news", "related posts", "related content",
		"you may also like", "you might also like", "more on this", "more on this story",
		"more stories", "more from", "lire aussi", "à lire aussi", "a lire aussi", "voir aussi",
		"sur le même sujet", "читайте также", "смотрите также", "по теме", "еще по теме",
		"اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "مواضيع ذات صلة", "أخبار ذات صلة",
		"اخبار ذات صلة", "相关新闻", "相关阅读", "相关文章", "延伸阅读", "推荐阅读":
		return ReasonRelated
	}
	return ""
}

// isRelatedMarker reports whether a line announces a box of links to other
// articles ("Check Also", "Read more", "Lire aussi", "Читайте также",
// "اقرأ أيضا", "相关新闻"); Clean removes the box after it.
func isRelatedMarker(text string) bool {
	return phraseReason(phraseKey(text)) == ReasonRelated
}

// isShareButtons reports a row of share or follow buttons: only the words
// such rows are made of ("Share - WeChat", "Share on Facebook Twitter
// Email", "Follow us on Twitter"), one of them a verb to share or follow.
func isShareButtons(text string) bool {
	if len(text) > 80 || endsSentence(text) {
		return false
	}
	fields := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return isSpace(r) || strings.ContainsRune("-–—|/•·:,", r)
	})
	if len(fields) == 0 || len(fields) > 8 {
		return false
	}
	core := false
	for _, f := range fields {
		switch f {
		case "share", "sharing", "tweet", "partager", "поделиться", "مشاركة", "شارك", "分享", "分享到", "转发",
			"follow", "suivez", "suivez-nous", "подписывайтесь", "تابعونا", "تابعنا", "关注", "关注我们":
			core = true
		case "this", "article", "story", "on", "via", "to", "with", "copy", "link", "facebook",
			"twitter", "x", "email", "e-mail", "mail", "print", "whatsapp", "wechat", "weibo",
			"linkedin", "telegram", "reddit", "pinterest", "vk", "ok", "messenger", "cet",
			"us", "our", "nous", "нас", "на", "في", "على", "imprimer", "envoyer", "вконтакте", "одноклассники", "телеграм", "微信", "微博", "朋友圈":
		default:
			return false
		}
	}
	return core
}

// pageCode matches leftovers of page code: WordPress shortcodes
// ("[ssba]", "[/caption]"), a lone HTML tag, template placeholders, and
// the names of tracking snippets ("fbpx" is the Facebook pixel).
var pageCode = regexp.MustCompile(`^(?:\[/?[A-Za-z_][\w-]*(?:\s[^\]]*)?\]|</?[A-Za-z][^<>]*>|\{\{[^{}]*\}\}|\{%[^{}]*%\}|(?i:fbpx|googletag[\w.]*|adsbygoogle[\w.]*|window\.\w+.*|var \w+ ?=.*|function ?\(.*))$`)

// readingTime matches reading-time notes: "2 min read", "5 minute read",
// "Lecture : 3 min", "3 min de lecture", "Время чтения: 3 минуты",
// "3 دقائق للقراءة", "阅读时间：3分钟".
var readingTime = regexp.MustCompile(`(?i)^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mn)\.?\s*(?:read|reading|de lecture|lecture)|(?:reading time|temps de lecture|lecture|время чтения|وقت القراءة|مدة القراءة|阅读时间|阅读时长)\s*[:：]?\s*\d+\s*(?:min(?:ute)?s?|мин\.?(?:ут[аы]?)?|دقائق|دقيقة|分钟)|\d+\s*(?:мин\.?(?:ут[аы]?)?)\s*(?:чтения|на чтение)|\d+\s*(?:دقائق|دقيقة)\s*(?:للقراءة|قراءة)|\d+\s*分钟(?:阅读|读完))$`)

// isCopyright reports copyright, licence and registration notices:
// "Copyright 1995 - . All rights reserved ...", "© 2017 Reuters",
// "License for publishing multimedia online 0108263", "Registration
// Number: 130349", "京ICP备13028878号".
func isCopyright(text string) bool {
	lower := strings.ToLower(text)
	if strings.HasPrefix(lower, "copyright") || strings.HasPrefix(lower, "©") || strings.HasPrefix(lower, "(c) ") {
		return true
	}
	for _, phrase := range [...]string{
		"all rights reserved", "tous droits réservés", "todos los derechos reservados",
		"все права защищены", "جميع الحقوق محفوظة", "版权所有", "版權所有", "保留所有权利",
	} {
		if strings.Contains(lower, phrase) {
			return true
		}
	}
	if endsSentence(text) || words(text) > 12 || !longNumber.MatchString(lower) {
		return false
	}
	for _, word := range [...]string{
		"licence", "license", "registration", "reg. no", "icp", "备案", "许可证", "лицензи",
		"свидетельство о регистрации", "رخصة", "ترخيص", "رقم التسجيل", "numéro d'enregistrement",
		"n° d'inscription",
	} {
		if strings.Contains(lower, word) {
			return true
		}
	}
	return false
}

// longNumber matches the number of a licence or registration.
var longNumber = regexp.MustCompile(`\d{4,}|\bno\.?\s*\d|number|№|号`)

// isByline reports bylines and datelines: short lines without sentence
// punctuation that give a date or time together with a source or a verb
// such as "Updated" ("Xinhua | Updated: 2017-12-12 10:14", "Published
// 11 December 2017", "Mis à jour le 12/12/2017 à 10:14"), lines that are
// only a date, and "By Jane Doe" credits.
func isByline(text string) bool {
	if endsSentence(text) || words(text) > 12 {
		return false
	}
	if byCredit.MatchString(text) && words(text) <= 6 {
		return true
	}
	if !dateOrTime.MatchString(text) {
		return false
	}
	if strings.Contains(text, "|") || bylineWord.MatchString(text) {
		return true
	}
	// Only a date: nothing but the date's words, numbers and separators.
	rest := dateOrTime.ReplaceAllString(text, "")
	rest = weekday.ReplaceAllString(rest, "")
	return !strings.ContainsFunc(rest, unicode.IsLetter)
}

var (
	byCredit   = regexp.MustCompile(`^(?:(?:By|BY|Par|PAR)\s+\p{Lu}|Автор:?\s|بقلم\s|作者[:：]|记者\s)`)
	bylineWord = regexp.MustCompile(`(?i)updated|published|posted|last modified|source:|mis à jour|publié|обновлено|опубликовано|дата публикации|تحديث|تاريخ النشر|نشر في|更新|发布|来源|时间`)
	weekday    = regexp.MustCompile(`(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|星期.`)
	dateOrTime = regexp.MustCompile(`(?i)\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b\d{1,2}\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d{4}|\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+\d{4}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}\s+(?:يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)\S*\s+\d{4}`)
)

// isWidgetHeading reports the headings of "most read" boxes, which carry
// a time span or a count: "Most Viewed in 24 Hours", "Most read this
// week", "Les plus lus du jour", "Самое читаемое за неделю",
// "الأكثر قراءة خلال 24 ساعة", "24小时热门".
func isWidgetHeading(text string) bool {
	return !endsSentence(text) && words(text) <= 8 && widgetHeading.MatchString(text)
}

var widgetHeading = regexp.MustCompile(`(?i)^(?:most (?:viewed|read|popular|shared|commented|watched|emailed)|les plus (?:lus|partagés|commentés|vus)|самое (?:читаемое|популярное|обсуждаемое)|популярное за|الأكثر (?:قراءة|مشاهدة|تداولا|شعبية)|\d+\s*小时(?:热门|排行)|(?:热门|点击)排行)`)

// isRelatedLink reports a line that links to another article with a lead
// phrase: "READ MORE: Putin arrives in Cairo", "Lire aussi : …",
// "Читайте также: …", "اقرأ أيضا: …", "相关新闻：…".
func isRelatedLink(text string) bool {
	i := strings.IndexAny(text, ":：")
	if i <= 0 || i > 40 || len(text) > 300 {
		return false
	}
	return isRelatedMarker(text[:i])
}

// creditLine matches a photo credit on a line of its own ("Photo:
// Reuters", "Photo by Jane Doe/AFP", "Фото: ТАСС", "صورة: رويترز",
// "图片来源：新华社").
var creditLine = regexp.MustCompile(`(?i)^(?:photo|photograph|image|picture|credit|photo credit|file photo|фото|صورة|الصورة|图片来源|图片|摄影|图)\s*(?:by\b|:|：|/|\|)`)

// creditAt returns the byte offset in s at which a photo credit in
// brackets closes s, or -1: "[Photo/Agencies]", "(Photo: Reuters)",
// "(AFP Photo)", "[Фото: ТАСС]", "（新华社记者 摄）".
func creditAt(s string) int {
	m := bracketAtEnd.FindStringSubmatchIndex(s)
	if m == nil || !creditWord.MatchString(s[m[2]:m[3]]) {
		return -1
	}
	return m[0]
}

var (
	bracketAtEnd = regexp.MustCompile(`[\[(（【]([^\[\]()（）【】]{1,80})[\])）】][\s\p{Zs}]*$`)
	creditWord   = regexp.MustCompile(`(?i)\b(?:photos?|photograph|image|picture|pic|credit)\b|фото|صورة|图|摄`)
)

// breadcrumbSep separates the items of a breadcrumb trail.
var breadcrumbSep = regexp.MustCompile(`[\s\p{Zs}]+(?:/|>|»|›|\||::|→)[\s\p{Zs}]+`)
