package main

import (
	"fmt"
	"html"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Article is one generated article, shaped as the body of
// POST /api/v1/articles. Exactly one of Text and HTML is set.
type Article struct {
	Outlet      string `json:"outlet"`
	Title       string `json:"title"`
	URL         string `json:"url,omitempty"`
	PublishedAt string `json:"published_at,omitempty"`
	Language    string `json:"language,omitempty"`
	Text        string `json:"text,omitempty"`
	HTML        string `json:"html,omitempty"`

	// Event names the news event the article reports (not sent).
	Event string `json:"-"`
	// Lang is the language the article is written in, declared or not.
	Lang string `json:"-"`
	// Sentences is the number of news sentences in the body, furniture
	// lines (share buttons, copyright) not counted.
	Sentences int `json:"-"`
}

// Generator makes synthetic but realistic news articles: sentences of the
// seed articles (and of the other legs of the same December 2017 tour and
// its follow-ups) recombined per article, with the outlet, date, numbers
// and the spelling of names (Hmeimim/Hmeymim/Khmeimim, Shoigu/Shoygu,
// Daesh/ISIS/ISIL, ...) varying from one article to the next. The same
// seed always gives the same sequence of articles.
type Generator struct {
	r *rand.Rand
	n int
}

// NewGenerator returns a Generator whose output depends only on seed.
func NewGenerator(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, 0x696e7465726c696e))}
}

// outlet is a news outlet: the languages it publishes in (the first is
// the most frequent), its web domain, and how it opens a story.
type outlet struct {
	name     string
	langs    []string
	domain   string
	dateline string // printed before the first sentence, with {CITY}, {City}, {MONTHDAY} and {MON} filled in
	footer   string // page furniture after the body, "" for none
}

var outlets = []outlet{
	{"TASS", []string{"en", "ru"}, "tass.com", "{CITY}, {MONTHDAY}. /TASS/. ", "Follow TASS on Telegram"},
	{"Sputnik", []string{"en", "ru", "ar", "fr"}, "sputniknews.com", "", "Subscribe to our newsletter"},
	{"RIA Novosti", []string{"ru"}, "ria.ru", "", ""},
	{"SANA", []string{"en", "ar"}, "sana.sy", "{City}, SANA-", "English Bulletin"},
	{"Al Jazeera", []string{"en", "ar"}, "aljazeera.com", "", "Follow Al Jazeera English:"},
	{"Xinhua", []string{"en", "zh"}, "xinhuanet.com", "{CITY}, {MON} (Xinhua) -- ", "Editor: Xiang Bo"},
	{"China Daily", []string{"en"}, "chinadaily.com.cn", "", "Copyright 1995 - . All rights reserved."},
	{"AFP", []string{"en", "fr"}, "afp.com", "{City} (AFP) - ", "© AFP"},
	{"Reuters", []string{"en"}, "reuters.com", "{CITY} (Reuters) - ", "Reporting by Reuters staff; Editing by Peter Graff"},
	{"The New Arab", []string{"en"}, "alaraby.co.uk", "", "2 min read"},
	{"France 24", []string{"fr", "en"}, "france24.com", "", "Lire la suite"},
	{"Al Arabiya", []string{"ar", "en"}, "alarabiya.net", "", ""},
	{"Anadolu Agency", []string{"en"}, "aa.com.tr", "{City} (AA) - ", ""},
	{"Ahram Online", []string{"en"}, "english.ahram.org.eg", "", "Short link:"},
	{"Daily Sabah", []string{"en"}, "dailysabah.com", "", "Share"},
	{"BBC News", []string{"en"}, "bbc.com", "", "Related Topics"},
	{"RT", []string{"en", "ar", "fr", "ru"}, "rt.com", "", "Share this story!"},
}

// event is one news event: when and where it happened, and sentences
// about it per language. Leads open an article; body sentences follow
// in bank order; background sentences close it.
type event struct {
	name       string
	date       string // YYYY-MM-DD
	city       string
	weight     int
	titles     []string
	leads      []string
	body       []string
	background []string
	other      map[string][]string // sentences in other languages, lead first
}

// Placeholders in braces are filled per article from variants, so one
// article spells a name one way throughout; {N:a-b} is a number drawn from
// a to b.
var variants = map[string][]string{
	"BASE":    {"Hmeimim", "Hmeymim", "Khmeimim", "Hmeimim", "Humaymim"},
	"SHOIGU":  {"Shoigu", "Shoygu"},
	"SERGEY":  {"Sergei", "Sergey"},
	"DAESH":   {"Daesh", "ISIS", "ISIL", "the Islamic State group", "IS"},
	"ASSAD":   {"Bashar al-Assad", "Bashar Assad", "Bashar al-Asad"},
	"SISI":    {"el-Sisi", "al-Sisi", "el-Sissi"},
	"ERDOGAN": {"Erdogan", "Erdoğan"},
	"DEFENSE": {"Defense", "Defence"},
	"TARTUS":  {"Tartus", "Tartous"},
	"LATAKIA": {"Latakia", "Lattakia"},
	"DEIR":    {"Deir al-Zour", "Deir ez-Zor", "Deir Ezzor"},
	"DABAA":   {"80 miles", "130 kilometres", "130 km"},
	"MONTH":   {"February", "March", "April"},
	"ZHBASE":  {"赫梅米姆", "赫迈米姆"},
	"FRBASE":  {"Hmeimim", "Khmeimim"},
	"FRDAESH": {"Daech", "l'EI", "l'organisation État islamique"},
}

var events = []event{
	{
		name: "hmeimim", date: "2017-12-11", city: "Damascus", weight: 30,
		titles: []string{
			"Putin orders Russian troops to start withdrawing from Syria",
			"Putin visits {BASE}, announces partial pullout from Syria",
			"Assad meets Putin at {BASE} air base",
			"Russia to withdraw part of its forces from Syria, Putin says",
			"Putin makes surprise visit to Syria",
			"Putin declares victory over {DAESH} in Syria on visit to {BASE}",
		},
		leads: []string{
			"Russian President Vladimir Putin made a surprise visit to the {BASE} air base in Syria on Monday and ordered his troops to start withdrawing from the war-torn country.",
			"Syrian President {ASSAD} met with his Russian counterpart, Vladimir Putin, at the {BASE} military base on Monday, the presidential media office reported.",
			"Russian President Vladimir Putin ordered the partial withdrawal of Russian military personnel from Syria during an unannounced visit to the country on Monday.",
		},
		body: []string{
			"For the first time since the beginning of the Syrian conflict over six years ago, Putin visited the Russian-run {BASE} Air Base in Syria's coastal city of {LATAKIA}.",
			"Putin met there with Assad and inspected the Russian forces there, according to the report.",
			"Presidents al-Assad and Putin reviewed the military forces at the {BASE} base and held a bilateral meeting, in the presence of Russian {DEFENSE} Minister {SERGEY} {SHOIGU}.",
			"Putin said he had ordered the {DEFENSE} Minister and the Chief of General Staff to start the withdrawal of part of the Russian group of soldiers present in Syria.",
			"Addressing Russian servicemen gathered at the base, he said the task of fighting armed bandits in Syria had, for the most part, been solved, and solved spectacularly.",
			"\"I have taken a decision: a significant part of the Russian troop contingent located in Syria is returning home to Russia,\" Putin said.",
			"He added that \"if the terrorists raised their heads again, we will deal them a blow they haven't seen before.\"",
			"Putin said the decision followed the defeat of {DAESH} in Syria, describing the combat work in the territory as completed by the complete eradication of terrorists.",
			"However, the Russians will keep their presence in the {BASE} Air Base and the naval base in the nearby coastal city of {TARTUS}.",
			"Russia has leased the {BASE} airbase from Syria for 49 years.",
			"When asked how long it would take Russia to withdraw its military contingent, {SHOIGU} said that it would \"depend on the situation\" in Syria.",
			"It is not clear when the Russian forces will completely withdraw amid reports by local media outlets that a large portion of the forces will leave, but not all of them.",
			"The {DEFENSE} Ministry said Russian warplanes had flown more than {N:28000-48000} sorties in Syria since 2015.",
			"Assad thanked Putin for his forces' contribution in fighting terrorism in Syria, stressing that the sacrifices of the Russian soldiers will not be forgotten.",
			"Assad said the future generations that will read about this war will not differentiate between a Syrian or a Russian martyr.",
			"Putin also informed Assad that he will discuss the Syrian settlement with the presidents of Turkey and Egypt during his visits to their countries.",
			"Putin's visit came two days after the Iraqi military said it had fully liberated all of Iraq's territory from {DAESH}.",
			"The Russian forces entered Syria in 2015 to shore up the forces of Assad in their fight against the rebels.",
			"The backing of the Russian forces and air power enabled the Syrian army to retrieve key areas across the country, such as Aleppo, Palmyra and {DEIR}.",
			"Putin then flew on to Cairo and Ankara for talks on the Syrian settlement.",
			"The two presidents then chaired an expanded meeting of the senior commanders present at the base, with the Chief of Staff of the Syrian Arab Army Ali Abdullah Ayoub.",
			"Putin said Russia was determined to go on offering Syria every available support until security and stability are restored to all Syrian areas.",
			"He stressed that Russia would continue to support the political process through cooperation with the Syrian government and all sides concerned.",
			"Assad said the victories achieved in the war against terrorism would pave the way for a peaceful solution that spares the blood of the Syrians.",
			"Russia's state news agency Novosti cited Putin as saying that \"in general, the combat work in this territory is completed\".",
		},
		background: []string{
			"As the Syrian government's main ally in the war, Russia started its intervention in September 2015, after an official request by the Syrian government for military help against rebel groups.",
			"Since then, Russia mainly conducted air strikes against groups opposed to the government, including the Syrian National Coalition, {DAESH}, al-Nusra Front, and others.",
			"International initiatives to end the war include an attempt at establishing four de-escalation zones across the country, with Russia, Turkey and Iran acting as guarantors.",
			"To date, some {N:340000-500000} people have died in the conflict, and more than {N:11-13} million Syrians have been displaced.",
			"The war in Syria began in 2011 with the repression of peaceful protests against the government.",
			"Last month, the Syrian government and opposition groups met in Kazakhstan's capital, Astana, for talks aimed at implementing a lasting ceasefire agreement.",
		},
		other: map[string][]string{
			"ru": {
				"Президент России Владимир Путин прибыл с необъявленным визитом на авиабазу Хмеймим в Сирии.",
				"На аэродроме российского лидера встретили президент Сирии Башар Асад и министр обороны России Сергей Шойгу.",
				"Путин поручил министру обороны и начальнику Генерального штаба начать вывод группировки российских войск из Сирии в пункты постоянной дислокации.",
				"«Если террористы вновь поднимут голову, мы нанесём по ним такие удары, которых они ещё не видели», — заявил Путин, выступая перед военнослужащими.",
				"По словам президента, пункт материально-технического обеспечения в Тартусе и авиабаза Хмеймим продолжат работу на постоянной основе.",
				"Асад поблагодарил Путина за вклад российских военных в борьбу с терроризмом.",
				"«Кровь российских военнослужащих смешалась с кровью сирийских солдат», — сказал сирийский президент.",
				"Россия начала военную операцию в Сирии 30 сентября 2015 года по просьбе сирийского правительства.",
				"За это время российская авиация совершила более {N:28000-48000} боевых вылетов.",
				"Ранее в Министерстве обороны сообщили, что территория Сирии полностью освобождена от боевиков «Исламского государства».",
				"После Сирии Путин отправился в Каир, где провёл переговоры с президентом Египта Абдель Фаттахом ас-Сиси.",
				"Затем российский лидер посетил Анкару для встречи с президентом Турции Реджепом Тайипом Эрдоганом.",
			},
			"fr": {
				"Le président russe Vladimir Poutine a effectué lundi une visite surprise sur la base aérienne de {FRBASE}, en Syrie.",
				"Il y a été accueilli par le président syrien Bachar al-Assad et par le ministre russe de la Défense, Sergueï Choïgou.",
				"Vladimir Poutine a ordonné le début du retrait d'une partie importante du contingent militaire russe déployé en Syrie.",
				"« Si les terroristes relèvent la tête, nous leur porterons des coups qu'ils n'ont jamais vus », a-t-il déclaré devant les militaires russes.",
				"La Russie conservera toutefois la base aérienne de {FRBASE} et la base navale de Tartous.",
				"Bachar al-Assad a remercié Vladimir Poutine pour la contribution des forces russes à la lutte contre le terrorisme.",
				"L'intervention militaire russe, lancée en septembre 2015, a permis au régime syrien de reprendre Alep, Palmyre et Deir ez-Zor.",
				"Le groupe jihadiste {FRDAESH} a perdu l'essentiel des territoires qu'il contrôlait en Syrie et en Irak.",
				"Après cette étape syrienne, le président russe s'est rendu au Caire pour s'entretenir avec son homologue égyptien Abdel Fattah al-Sissi.",
				"Il était attendu ensuite à Ankara pour rencontrer le président turc Recep Tayyip Erdogan.",
				"Le conflit syrien a fait plus de {N:340000-500000} morts depuis 2011, selon l'Observatoire syrien des droits de l'homme.",
			},
			"ar": {
				"وصل الرئيس الروسي فلاديمير بوتين في زيارة مفاجئة إلى قاعدة حميميم الجوية في ريف اللاذقية.",
				"وكان في استقباله الرئيس السوري بشار الأسد ووزير الدفاع الروسي سيرغي شويغو.",
				"وأمر بوتين وزير الدفاع ورئيس الأركان العامة ببدء سحب جزء من القوات الروسية من سوريا.",
				"وقال بوتين إن الإرهابيين إذا رفعوا رؤوسهم مجددا فستوجه إليهم روسيا ضربات لم يروا مثلها من قبل.",
				"وأكد أن قاعدتي حميميم وطرطوس ستواصلان عملهما بشكل دائم.",
				"من جهته، شكر الرئيس الأسد الرئيس بوتين على مشاركة روسيا الفاعلة في مكافحة الإرهاب.",
				"وقال الأسد إن دماء الشهداء الروس امتزجت بدماء شهداء الجيش العربي السوري.",
				"وبدأت روسيا تدخلها العسكري في سوريا في أيلول سبتمبر 2015 بطلب من الحكومة السورية.",
				"وأعلنت موسكو في وقت سابق القضاء على تنظيم داعش في سوريا.",
				"وتوجه بوتين بعد ذلك إلى القاهرة للقاء الرئيس المصري عبد الفتاح السيسي.",
				"ومن المقرر أن يزور أنقرة للقاء الرئيس التركي رجب طيب أردوغان.",
			},
			"zh": {
				"俄罗斯总统普京11日突访叙利亚{ZHBASE}空军基地。",
				"叙利亚总统巴沙尔·阿萨德和俄罗斯国防部长绍伊古在基地迎接普京。",
				"普京下令国防部长和总参谋长开始从叙利亚撤出部分俄军。",
				"普京表示，如果恐怖分子再次抬头，俄罗斯将予以前所未有的打击。",
				"普京说，{ZHBASE}空军基地和塔尔图斯海军基地将继续运作。",
				"阿萨德感谢俄罗斯为叙利亚打击恐怖主义作出的贡献。",
				"俄罗斯于2015年9月应叙利亚政府请求开始在叙利亚境内打击极端组织。",
				"在俄罗斯空军支持下，叙利亚政府军先后收复了阿勒颇、巴尔米拉和代尔祖尔等地。",
				"结束对叙利亚的访问后，普京前往埃及首都开罗与埃及总统塞西会谈。",
				"普京随后还将访问土耳其，与土耳其总统埃尔多安举行会谈。",
			},
		},
	},
	{
		name: "cairo", date: "2017-12-11", city: "Cairo", weight: 15,
		titles: []string{
			"Russia to build Egypt's first nuclear plant at El-Dabaa",
			"Putin in Cairo: flights between Russia and Egypt to resume",
			"Putin and {SISI} sign nuclear deal",
			"Egypt, Russia seal El-Dabaa nuclear plant agreement during Putin visit",
		},
		leads: []string{
			"Russian President Vladimir Putin arrived in Cairo on Monday for talks with Egyptian President Abdel Fattah {SISI}, hours after a stop in Syria.",
			"Egypt and Russia signed an agreement on Monday for Russia to build Egypt's first nuclear power plant at El-Dabaa, during a visit by Vladimir Putin to Cairo.",
		},
		body: []string{
			"After meeting with al-Assad, Putin flew to Cairo for talks with Egyptian President Abdel Fattah {SISI}.",
			"Putin announced that direct flights between the two countries would shortly resume, for the first time since a Russian passenger plane was destroyed over Sinai more than two years ago.",
			"The Airbus A321, travelling from Sharm el-Sheikh to St. Petersburg, crashed in October 2015, killing all 224 people on board.",
			"The two leaders also signed an agreement for Russia to build Egypt's first nuclear power plant in El-Dabaa, approximately {DABAA} northwest of Cairo.",
			"The plant will have four reactors of 1,200 megawatts each, according to the Russian state nuclear company Rosatom.",
			"The project is estimated to cost about ${N:21-30} billion, most of it financed by a Russian loan.",
			"Egypt's President {SISI} said flights to Cairo could resume as early as {MONTH}.",
			"The two presidents also discussed the situation in Syria and Libya and the US decision on Jerusalem, the Egyptian presidency said.",
			"It was Putin's second visit to Egypt since {SISI} took office in 2014.",
			"Russian tourists made up the largest group of visitors to Egypt before the 2015 crash.",
			"Egypt's tourism revenue fell sharply after Moscow suspended flights following the crash.",
		},
		background: []string{
			"Putin's one-day tour took him to Syria, Egypt and Turkey.",
			"Earlier on Monday, Putin visited the {BASE} air base in Syria, where he ordered a partial withdrawal of Russian troops.",
		},
	},
	{
		name: "ankara", date: "2017-12-11", city: "Ankara", weight: 15,
		titles: []string{
			"Erdogan, Putin slam US decision on Jerusalem",
			"Putin and {ERDOGAN} hold talks in Ankara",
			"Turkey to finalise S-400 deal with Russia this week, {ERDOGAN} says",
			"Putin ends regional tour in Ankara",
		},
		leads: []string{
			"Russian President Vladimir Putin met Turkish President Recep Tayyip {ERDOGAN} in Ankara on Monday, the last stop of a one-day tour that also took him to Syria and Egypt.",
			"Turkish President Recep Tayyip {ERDOGAN} said after talks with Vladimir Putin in Ankara that Russia and Turkey both reject the US decision on Jerusalem.",
		},
		body: []string{
			"{ERDOGAN} said US President Donald Trump's Jerusalem announcement was \"destabilising\".",
			"\"Both Russia and Turkey think the decision of the US to recognise Jerusalem as the capital of Israel is not helping the situation in the Middle East,\" {ERDOGAN} said.",
			"{ERDOGAN} also announced that the deal to purchase Russian-made S-400 missiles will be finalised this week.",
			"The S-400 deal, worth about ${N:2-3} billion, has alarmed Turkey's NATO allies.",
			"The two leaders discussed the Syrian settlement and the de-escalation zones agreed in Astana, with Russia, Turkey and Iran acting as guarantors.",
			"Putin said the conditions had been created for ending the civil war in Syria.",
			"The two leaders have met {N:6-9} times this year.",
			"Russia is building Turkey's first nuclear power plant at Akkuyu on the Mediterranean coast.",
			"The TurkStream gas pipeline under the Black Sea was also on the agenda, Kremlin spokesman Dmitry Peskov said.",
		},
		background: []string{
			"Putin's one-day tour took him to Syria, Egypt and Turkey.",
			"Earlier on Monday, Putin visited the {BASE} air base in Syria, where he ordered a partial withdrawal of Russian troops.",
		},
	},
	{
		name: "sochi", date: "2018-05-17", city: "Sochi", weight: 15,
		titles: []string{
			"Putin assures Assad 'all foreign armed forces' will leave Syria",
			"Assad makes surprise visit to Sochi for talks with Putin",
			"Foreign forces to leave Syria, Putin tells Assad in Sochi",
		},
		leads: []string{
			"Russian President Vladimir Putin has told his Syrian counterpart {ASSAD} that foreign forces would be leaving his country.",
			"Russia's Vladimir Putin has told Syria President {ASSAD} that 'all foreign forces' will soon leave the war-torn country.",
		},
		body: []string{
			"A CNN report quoting Syria's state news agency said the meeting took place during Assad's surprise visit to the Russian city of Sochi.",
			"\"We presume that, in connection with the significant victories and success of the Syrian army in the fight against terrorism, foreign armed forces will be withdrawn from the territory of the Syrian Arab Republic,\" Putin said, according to SANA news agency.",
			"Russia and the Syrian regime refer to the Assad opponents as \"terrorists\".",
			"The two allies praised the start of a \"political process\", which will end the war in Syria which began in 2011.",
			"Assad said Syria would send delegates to a UN-backed committee to draft a new constitution.",
			"Russia entered the Syria war in 2015, and helped turn back a series of defeats for the Assad regime.",
			"Russian airstrikes helped the Syrian regime and its foreign militia allies win a series of victories on the rebels and {DAESH}.",
			"But the campaign has also been criticised for the mass killing of civilians and targeting of schools, hospitals, and homes.",
			"Assad is also heavily reliant on the ground of Iranian-led foreign fighters from Iraqi, Pakistani and Afghan militias, along with Lebanon's Hizballah.",
			"In the north, the US, Turkey and France also have troops.",
			"Israel is concerned about the Iranian and Lebanese military build-up in Syria and has launched dozens of strikes against targets in the country.",
			"It has stepped up its attacks on Iranian bases in Syria in recent weeks, with the acquiescence of Russia.",
			"Moscow has also cemented a military presence in Syria, with the build-up of at least two Russian bases in the country, {BASE} and {TARTUS}.",
		},
		background: []string{
			"To date, some {N:340000-500000} people have died in the conflict, and more than {N:11-13} million Syrians have been displaced.",
			"The war in Syria began in 2011 with the repression of peaceful protests against the government.",
			"Assad last visited Sochi in November 2017, when he thanked Putin for \"saving\" his country.",
		},
	},
	{
		name: "astana", date: "2017-12-22", city: "Astana", weight: 13,
		titles: []string{
			"Syria talks in Astana agree to hold peace congress in Sochi",
			"Eighth round of Astana talks on Syria ends",
			"Russia, Turkey, Iran back Syrian dialogue congress",
		},
		leads: []string{
			"Russia, Turkey and Iran agreed in Astana on Friday to convene a Syrian peace congress in the Russian resort of Sochi at the end of January.",
			"The eighth round of Syria peace talks ended in the Kazakh capital Astana on Friday, with Russia, Turkey and Iran acting as guarantors.",
		},
		body: []string{
			"Delegations from the Syrian government and the armed opposition attended the two-day meeting, hosted by Kazakhstan's foreign ministry.",
			"The guarantor countries agreed to hold a Syrian National Dialogue Congress in Sochi on January 29-30.",
			"The talks focused on the release of detainees, the exchange of bodies and humanitarian demining.",
			"Russia's delegation was led by presidential envoy Alexander Lavrentiev, and the Syrian government's by its UN envoy Bashar al-Jaafari.",
			"Opposition delegates said they would not take part in any settlement that keeps Assad in power.",
			"The de-escalation zones agreed in earlier rounds cover Idlib, parts of Homs province, Eastern Ghouta and the south of the country.",
			"UN special envoy Staffan de Mistura attended the talks as an observer.",
			"The next round of talks is expected in {MONTH}, the Kazakh foreign ministry said.",
			"Kazakh Foreign Minister Kairat Abdrakhmanov read out the final statement of the guarantor states.",
			"The statement called on all parties to respect the ceasefire and to fight {DAESH} and al-Nusra Front.",
		},
		background: []string{
			"The Astana process, launched in January 2017, runs parallel to UN-led talks in Geneva.",
			"To date, some {N:340000-500000} people have died in the conflict, and more than {N:11-13} million Syrians have been displaced.",
		},
	},
	{
		name: "congress", date: "2018-01-30", city: "Sochi", weight: 12,
		titles: []string{
			"Syrian National Dialogue Congress opens in Sochi",
			"Sochi congress agrees to form Syrian constitutional committee",
			"Syrian opposition boycotts Russian-hosted congress",
		},
		leads: []string{
			"The Syrian National Dialogue Congress opened in the Russian Black Sea resort of Sochi on Tuesday, with some {N:1400-1600} delegates invited.",
			"Delegates at a Russian-hosted congress in Sochi agreed on Tuesday to form a committee to draft a new Syrian constitution.",
		},
		body: []string{
			"Russian Foreign Minister Sergei Lavrov read out a message from President Putin to the delegates.",
			"The main Syrian opposition group, the Syrian Negotiation Commission, boycotted the meeting.",
			"The congress agreed to form a committee to draft a new Syrian constitution, in line with UN resolution 2254.",
			"Some delegates heckled Lavrov as he spoke, accusing Russia of bombing civilians.",
			"UN envoy Staffan de Mistura said the constitutional committee would be formed in Geneva under UN auspices.",
			"Turkey did not send an official delegation, citing the presence of Kurdish groups.",
			"Delegates arriving from Turkey refused to leave Sochi airport, objecting to the Syrian government flags and logos displayed there.",
			"The final statement called for the territorial integrity of Syria and for elections under UN supervision.",
			"Russia has hosted several rounds of talks on Syria's future alongside the Astana process.",
		},
		background: []string{
			"The Astana process, launched in January 2017, runs parallel to UN-led talks in Geneva.",
			"The war in Syria began in 2011 with the repression of peaceful protests against the government.",
		},
	},
}

// furnitureTop is page furniture some outlets put before the article.
var furnitureTop = []string{"Share", "Home / World / Middle East", "Advertisement", "Listen to this article", "Most Read"}

// Next returns the next article.
func (g *Generator) Next() Article {
	g.n++
	ev := g.pickEvent()
	o := outlets[g.r.IntN(len(outlets))]
	lang := o.langs[0]
	if len(o.langs) > 1 && g.r.IntN(3) == 0 {
		lang = o.langs[1+g.r.IntN(len(o.langs)-1)]
	}
	if lang != "en" && len(ev.other[lang]) < 8 {
		lang = "en"
		if !slices.Contains(o.langs, "en") {
			// An outlet that writes only in another language reports
			// the main event.
			ev = &events[0]
			lang = o.langs[0]
		}
	}
	vars := g.pickVariants()
	sentences := g.pickSentences(ev, lang)
	for i, s := range sentences {
		sentences[i] = g.fill(s, vars)
	}
	if o.dateline != "" && lang == "en" {
		sentences[0] = dateline(o.dateline, ev) + sentences[0]
	}
	title := g.fill(ev.titles[g.r.IntN(len(ev.titles))], vars)
	if lang != "en" {
		title = firstWords(sentences[0], 10)
	}
	a := Article{
		Outlet: o.name, Title: title, Event: ev.name, Lang: lang, Sentences: len(sentences),
		PublishedAt: g.pickDate(ev.date),
		URL:         fmt.Sprintf("https://%s/%s/%s-%d", o.domain, strings.ReplaceAll(ev.date, "-", "/"), slug(title), 100000+g.n),
	}
	if g.r.IntN(2) == 0 {
		a.Language = lang
	}
	paras := paragraphs(g.r, sentences)
	var top, bottom []string
	if g.r.IntN(3) == 0 {
		top = append(top, furnitureTop[g.r.IntN(len(furnitureTop))])
	}
	if o.footer != "" && g.r.IntN(2) == 0 {
		bottom = append(bottom, o.footer)
	}
	if g.r.IntN(10) == 0 {
		a.HTML = renderHTML(a.Title, o.name, top, paras, bottom)
	} else {
		all := append(append(append([]string{}, top...), paras...), bottom...)
		a.Text = strings.Join(all, "\n\n") + "\n"
	}
	return a
}

func (g *Generator) pickEvent() *event {
	total := 0
	for _, e := range events {
		total += e.weight
	}
	n := g.r.IntN(total)
	for i := range events {
		if n < events[i].weight {
			return &events[i]
		}
		n -= events[i].weight
	}
	return &events[0]
}

func (g *Generator) pickVariants() map[string]string {
	vars := make(map[string]string, len(variants))
	for _, k := range slices.Sorted(maps.Keys(variants)) {
		vs := variants[k]
		vars[k] = vs[g.r.IntN(len(vs))]
	}
	return vars
}

// pickSentences chooses 8 to 30 sentences (fewer when the event has fewer
// in lang): a lead, then body sentences in bank order, then background.
func (g *Generator) pickSentences(ev *event, lang string) []string {
	if lang != "en" {
		bank := ev.other[lang]
		n := 8 + g.r.IntN(len(bank)-8+1)
		return append([]string{bank[0]}, subset(g.r, bank[1:], n-1)...)
	}
	max := min(30, 1+len(ev.body)+len(ev.background))
	n := 8 + g.r.IntN(max-8+1)
	nb := min(len(ev.background), g.r.IntN(n/3+1))
	if 1+len(ev.body) < n-nb {
		nb = n - 1 - len(ev.body)
	}
	out := []string{ev.leads[g.r.IntN(len(ev.leads))]}
	out = append(out, subset(g.r, ev.body, n-1-nb)...)
	return append(out, subset(g.r, ev.background, nb)...)
}

// subset picks k items of list at random, keeping their order.
func subset(r *rand.Rand, list []string, k int) []string {
	idx := r.Perm(len(list))[:k]
	keep := make([]bool, len(list))
	for _, i := range idx {
		keep[i] = true
	}
	out := make([]string, 0, k)
	for i, s := range list {
		if keep[i] {
			out = append(out, s)
		}
	}
	return out
}

// fill replaces the placeholders of s: names from vars, {N:a-b} with a
// number drawn from a to b (large numbers rounded, thousands separated).
func (g *Generator) fill(s string, vars map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		key := s[i+1 : i+j]
		switch {
		case strings.HasPrefix(key, "N:"):
			b.WriteString(g.number(key[2:]))
		case vars[key] != "":
			b.WriteString(vars[key])
		default:
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

func (g *Generator) number(spec string) string {
	lo, hi, _ := strings.Cut(spec, "-")
	a, _ := strconv.Atoi(lo)
	z, _ := strconv.Atoi(hi)
	if z < a {
		z = a
	}
	n := a + g.r.IntN(z-a+1)
	switch {
	case n >= 100000:
		n = n / 5000 * 5000
	case n >= 10000:
		n = n / 500 * 500
	case n >= 1000:
		n = n / 50 * 50
	}
	return groupThousands(n)
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pickDate returns the publication time: the event day or one of the
// next two, in one of the forms outlets give (RFC 3339, a bare date, or
// none at all).
func (g *Generator) pickDate(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	t = t.Add(time.Duration(g.r.IntN(60*60*60)) * time.Second)
	switch g.r.IntN(10) {
	case 0:
		return ""
	case 1, 2:
		return t.Format("2006-01-02")
	case 3:
		return t.In(time.FixedZone("MSK", 3*3600)).Format(time.RFC3339)
	default:
		return t.UTC().Format(time.RFC3339)
	}
}

// dateline fills in an outlet's dateline for the event.
func dateline(format string, ev *event) string {
	t, _ := time.Parse("2006-01-02", ev.date)
	mon := t.Format("Jan") + ". " + strconv.Itoa(t.Day())
	if len(t.Format("January")) <= 4 {
		mon = t.Format("January") + " " + strconv.Itoa(t.Day())
	}
	return strings.NewReplacer("{CITY}", strings.ToUpper(ev.city), "{City}", ev.city,
		"{MONTHDAY}", t.Format("January 2"), "{MON}", mon).Replace(format)
}

// paragraphs groups sentences into paragraphs of one to three.
func paragraphs(r *rand.Rand, sentences []string) []string {
	var out []string
	for i := 0; i < len(sentences); {
		k := min(len(sentences)-i, 1+r.IntN(3))
		out = append(out, strings.Join(sentences[i:i+k], " "))
		i += k
	}
	return out
}

func renderHTML(title, outlet string, top, paras, bottom []string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(title + " | " + outlet))
	b.WriteString("</title></head>\n<body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/middle-east\">Middle East</a></nav>\n")
	for _, s := range top {
		b.WriteString("<div class=\"share\">" + html.EscapeString(s) + "</div>\n")
	}
	b.WriteString("<article>\n<h1>" + html.EscapeString(title) + "</h1>\n")
	for _, p := range paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	b.WriteString("</article>\n<footer>")
	for _, s := range bottom {
		b.WriteString("<p>" + html.EscapeString(s) + "</p>")
	}
	b.WriteString("<p>© " + html.EscapeString(outlet) + "</p></footer>\n</body></html>\n")
	return b.String()
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.TrimRight(s, ".。")
	}
	return strings.Join(f[:n], " ") + "…"
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if b.Len() >= 60 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if out == "" {
		return "article"
	}
	return out
}
