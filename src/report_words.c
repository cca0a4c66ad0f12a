/* SPDX-License-Identifier: MIT */
/*
 * report_words.c: the fixed words of the report, per pack language. The
 * report follows the pack, not the user's locale, so that it is the same
 * wherever it is produced; these tables are its only words.
 */
#include <string.h>

#include "report.h"
#include "session.h"

static const struct report_words words[] = {
	{
		.lang = "en", .decimal = '.',
		.organisation = "Organisation", .role = "Respondent", .date = "Date",
		.version = "version", .summary = "Summary", .level = "Level",
		.answered = "Answered", .area = "Area", .overall = "Overall level",
		.plan = "Improvement plan",
		.plan_intro = "What to work on first: areas in order of your priorities, "
		    "then of their level, each with its weakest questions and a first step.",
		.plan_none = "Every scored answer is at the top level. Keep it there, and "
		    "share how you got there.",
		.priority = "priority", .high = "high", .medium = "medium", .low = "low",
		.question = "Question", .answer = "Answer", .note = "Note",
		.na = "Not applicable to us", .na_short = "n/a", .unanswered = "Not answered",
		.first_step = "First step",
		.step_fallback = "Read the guidance for this answer below.",
		.answers = "Answers and guidance", .links = "Links",
		.not_scored = "not scored",
		.legend = "Level: the mean of the levels chosen in the area, from 1 to the "
		    "top level; - when none is chosen.",
		.legend_plain = "Level: the mean of the levels chosen in the area, from 1 to "
		    "the top level; not scored when none is chosen.",
		.legend_bar = "The bar shows the level in tenths of the top level.",
		.legend_counts = "The numbers (e.g. 3/4): questions answered with a level, "
		    "of all the questions of the area; \u201cnot applicable\u201d answers "
		    "count in neither.",
		.group = "Group report", .respondents = "Respondents", .areas = "Areas",
		.mean = "Mean", .min = "Min", .max = "Max", .spread = "Spread",
		.rated_by = "Rated by",
		.consensus = "Least consensus",
		.consensus_intro = "Where the answers differ most, largest spread first: "
		    "worth talking through together.",
		.roles_by_area = "How each role sees each area", .questions = "Questions",
		.distribution = "Answers per question", .no_role = "no role given",
		.group_plan = "Improvement plan for the group",
		.group_plan_intro = "The group's answer to each question is the middle one of the "
		    "levels chosen (of two in the middle, the lower), so an area's level here can "
		    "differ from its average above.",
		.other_versions = "Answered to another version of the assessment",
		.progress = "Progress", .improved = "Improved", .regressed = "Regressed",
		.unchanged = "Unchanged",
		.guidance_gone = "Guidance that no longer applies",
		.guidance_new = "New guidance",
		.one_side = "Answered in only one of the two (or not applicable)",
		.before = "Before", .after = "After",
		.change = "Change", .votes = "Votes",
		.disagreed = "Where the room disagreed most",
		.followup = "marked for follow-up",
		.followup_title = "Marked for follow-up in a workshop",
		.room_changed = "The room agreed on another answer than the most voted.",
		.compare = "Beside the network",
		.compare_intro = "Each area's level beside the median and quartiles of the "
		    "network's profile; the middle half of its organisations lies between the "
		    "quartiles",
		.network_median = "network median", .quartiles = "quartiles",
		.organisations = "organisations",
		.below_network = "below the network's lower quartile",
		.below_network_intro = "Questions where your level is below the network's lower quartile",
		.lower_quartile = "the network's lower quartile",
		.too_few = "too few organisations to compare",
		.version_differs = "These answers were given to another version of the "
		    "assessment: answers to questions that changed may not fit.",
		.roles = { "Board member", "Manager", "Staff member", "Volunteer", "Member" },
	},
	{
		.lang = "tr", .decimal = ',',
		.organisation = "Kuruluş", .role = "Yanıtlayan", .date = "Tarih",
		.version = "sürüm", .summary = "Özet", .level = "Düzey",
		.answered = "Yanıt", .area = "Alan", .overall = "Genel düzey",
		.plan = "İyileştirme planı",
		.plan_intro = "Önce üzerinde çalışılacaklar: alanlar önceliğinize, sonra "
		    "düzeyine göre sıralı; her birinde en zayıf sorular ve bir ilk adım.",
		.plan_none = "Puanlanan bütün yanıtlar en üst düzeyde. Bu düzeyi koruyun "
		    "ve deneyiminizi başka örgütlerle paylaşın.",
		.priority = "öncelik", .high = "yüksek", .medium = "orta", .low = "düşük",
		.question = "Soru", .answer = "Yanıt", .note = "Not",
		.na = "Bizim için geçerli değil", .na_short = "geçerli değil", .unanswered = "Yanıtlanmadı",
		.first_step = "İlk adım",
		.step_fallback = "Aşağıda bu yanıtın önerilerini okuyun.",
		.answers = "Yanıtlar ve öneriler", .links = "Bağlantılar",
		.not_scored = "puanlanmadı",
		.legend = "Düzey: alanda seçilen düzeylerin ortalaması, 1'den en üst düzeye "
		    "kadar; hiç düzey seçilmemişse -.",
		.legend_plain = "Düzey: alanda seçilen düzeylerin ortalaması, 1'den en üst "
		    "düzeye kadar; hiç düzey seçilmemişse puanlanmadı.",
		.legend_bar = "Çubuk düzeyi en üst düzeyin onda biri birimiyle gösterir.",
		.legend_counts = "Sayılar (örneğin 3/4): düzey seçilerek "
		    "yanıtlanan sorular / alandaki bütün sorular; \u201cgeçerli değil\u201d "
		    "yanıtları ikisine de sayılmaz.",
		.group = "Grup raporu", .respondents = "Yanıtlayanlar", .areas = "Alanlar",
		.mean = "Ortalama", .min = "En düşük", .max = "En yüksek", .spread = "Fark",
		.rated_by = "Düzey veren",
		.consensus = "En az uzlaşılan konular",
		.consensus_intro = "Yanıtların en çok ayrıştığı yerler, en büyük farktan "
		    "başlayarak: birlikte konuşmaya değer.",
		.roles_by_area = "Her rolün alanları nasıl gördüğü", .questions = "Sorular",
		.distribution = "Soru başına yanıtlar", .no_role = "rol belirtilmemiş",
		.group_plan = "Grubun iyileştirme planı",
		.group_plan_intro = "Grubun her sorudaki yanıtı, seçilen düzeylerin ortancasıdır "
		    "(ortada iki düzey kalırsa düşük olanı); bu yüzden bir alanın buradaki düzeyi "
		    "yukarıdaki ortalamasından farklı olabilir.",
		.other_versions = "Değerlendirmenin başka bir sürümüne verilmiş yanıtlar",
		.progress = "İlerleme", .improved = "İlerleyenler", .regressed = "Gerileyenler",
		.unchanged = "Değişmeyenler",
		.guidance_gone = "Artık geçerli olmayan öneriler",
		.guidance_new = "Yeni öneriler",
		.one_side = "Yalnızca birinde yanıtlananlar (ya da geçerli olmayanlar)",
		.before = "Önce", .after = "Sonra",
		.change = "Değişim", .votes = "Oylar",
		.disagreed = "Salonun en çok ayrıştığı sorular",
		.followup = "yeniden ele alınacak",
		.followup_title = "Atölyede yeniden ele alınmak üzere işaretlenenler",
		.room_changed = "Salon, en çok oy alandan başka bir yanıtta uzlaştı.",
		.compare = "Ağın yanında",
		.compare_intro = "Her alanın düzeyi, ağ profilinin ortancası ve çeyreklikleriyle "
		    "yan yana; kuruluşların ortadaki yarısı iki çeyreklik arasındadır",
		.network_median = "ağ ortancası", .quartiles = "çeyreklikler",
		.organisations = "kuruluş",
		.below_network = "ağın alt çeyrekliğinin altında",
		.below_network_intro = "Düzeyinizin ağın alt çeyrekliğinin altında kaldığı sorular",
		.lower_quartile = "ağın alt çeyrekliği",
		.too_few = "karşılaştırmak için kuruluş sayısı az",
		.version_differs = "Bu yanıtlar değerlendirmenin başka bir sürümüne verilmiş: "
		    "değişen sorulara verilen yanıtlar uymayabilir.",
		.roles = { "Yönetim kurulu üyesi", "Yönetici", "Çalışan", "Gönüllü", "Üye" },
	},
	{
		.lang = "fi", .decimal = ',',
		.organisation = "Järjestö", .role = "Vastaaja", .date = "Päivämäärä",
		.version = "versio", .summary = "Yhteenveto", .level = "Taso",
		.answered = "Vastattu", .area = "Osa-alue", .overall = "Kokonaistaso",
		.plan = "Kehittämissuunnitelma",
		.plan_intro = "Mitä kehittää ensin: osa-alueet tärkeysjärjestyksenne ja "
		    "sitten tason mukaan, kussakin heikoimmat kysymykset ja ensimmäinen askel.",
		.plan_none = "Kaikki pisteytetyt vastaukset ovat ylimmällä tasolla. Pitäkää "
		    "taso yllä ja kertokaa kokemuksistanne muille.",
		.priority = "tärkeys", .high = "korkea", .medium = "keskitaso", .low = "matala",
		.question = "Kysymys", .answer = "Vastaus", .note = "Muistiinpano",
		.na = "Ei koske meitä", .na_short = "ei koske meitä", .unanswered = "Ei vastattu",
		.first_step = "Ensimmäinen askel",
		.step_fallback = "Lue tämän vastauksen ohjeet alta.",
		.answers = "Vastaukset ja ohjeet", .links = "Linkit",
		.not_scored = "ei pisteytetty",
		.legend = "Taso: osa-alueella valittujen tasojen keskiarvo, 1:stä ylimpään "
		    "tasoon; - jos yhtään tasoa ei ole valittu.",
		.legend_plain = "Taso: osa-alueella valittujen tasojen keskiarvo, 1:stä "
		    "ylimpään tasoon; ei pisteytetty, jos yhtään tasoa ei ole valittu.",
		.legend_bar = "Palkki näyttää tason kymmenesosina ylimmästä tasosta.",
		.legend_counts = "Luvut (esim. 3/4): tason valinneet "
		    "vastaukset / osa-alueen kaikki kysymykset; \u201dei koske meitä\u201d "
		    "-vastauksia ei lasketa kumpaankaan.",
		.group = "Ryhmäraportti", .respondents = "Vastaajat", .areas = "Osa-alueet",
		.mean = "Keskiarvo", .min = "Pienin", .max = "Suurin", .spread = "Ero",
		.rated_by = "Tason antaneita",
		.consensus = "Vähiten yksimielisyyttä",
		.consensus_intro = "Missä vastaukset eroavat eniten, suurimmasta erosta "
		    "alkaen: näistä kannattaa keskustella yhdessä.",
		.roles_by_area = "Miten kukin rooli näkee osa-alueet",
		.questions = "Kysymykset",
		.distribution = "Vastaukset kysymyksittäin", .no_role = "rooli puuttuu",
		.group_plan = "Ryhmän kehittämissuunnitelma",
		.group_plan_intro = "Ryhmän vastaus kuhunkin kysymykseen on valituista tasoista "
		    "keskimmäinen (kahdesta keskimmäisestä alempi), joten osa-alueen taso voi tässä "
		    "poiketa sen yllä olevasta keskiarvosta.",
		.other_versions = "Vastattu arvioinnin toiseen versioon",
		.progress = "Edistyminen", .improved = "Parantuneet", .regressed = "Heikentyneet",
		.unchanged = "Ennallaan",
		.guidance_gone = "Ohjeet, jotka eivät enää koske teitä",
		.guidance_new = "Uudet ohjeet",
		.one_side = "Vastattu vain toisessa (tai ei koske meitä)",
		.before = "Ennen", .after = "Nyt",
		.change = "Muutos", .votes = "Äänet",
		.disagreed = "Missä ryhmä oli eniten eri mieltä",
		.followup = "merkitty jatkokäsittelyyn",
		.followup_title = "Työpajassa jatkokäsittelyyn merkityt",
		.room_changed = "Ryhmä sopi muusta kuin eniten ääniä saaneesta vastauksesta.",
		.compare = "Verkoston rinnalla",
		.compare_intro = "Kunkin osa-alueen taso verkoston profiilin mediaanin ja "
		    "kvartiilien rinnalla; keskimmäinen puolikas järjestöistä on kvartiilien "
		    "välissä",
		.network_median = "verkoston mediaani", .quartiles = "kvartiilit",
		.organisations = "järjestöä",
		.below_network = "alle verkoston alakvartiilin",
		.below_network_intro = "Kysymykset, joissa tasonne on alle verkoston alakvartiilin",
		.lower_quartile = "verkoston alakvartiili",
		.too_few = "liian vähän järjestöjä vertailuun",
		.version_differs = "Nämä vastaukset annettiin arvioinnin toiseen versioon: "
		    "muuttuneiden kysymysten vastaukset eivät välttämättä sovi.",
		.roles = { "Hallituksen jäsen", "Toiminnanjohtaja", "Työntekijä",
		    "Vapaaehtoinen", "Jäsen" },
	},
};

const struct report_words *
report_words(const char *lang)
{
	size_t i;

	for (i = 0; lang != NULL && i < NELEM(words); i++)
		if (strcmp(words[i].lang, lang) == 0)
			return &words[i];
	return &words[0];
}

const char *
report_role(const struct pack *p, const char *role)
{
	const struct pack_role *r = pack_role(p, role);

	return r != NULL ? r->title : role;
}
