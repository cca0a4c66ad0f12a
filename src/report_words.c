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
		.na = "Not applicable to us", .unanswered = "Not answered",
		.first_step = "First step",
		.step_fallback = "Read the guidance for this answer below.",
		.answers = "Answers and guidance", .links = "Links",
		.not_scored = "not scored",
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
		.na = "Bizim için geçerli değil", .unanswered = "Yanıtlanmadı",
		.first_step = "İlk adım",
		.step_fallback = "Aşağıda bu yanıtın önerilerini okuyun.",
		.answers = "Yanıtlar ve öneriler", .links = "Bağlantılar",
		.not_scored = "puanlanmadı",
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
		.question = "Kysymys", .answer = "Vastaus", .note = "Huomio",
		.na = "Ei koske meitä", .unanswered = "Ei vastattu",
		.first_step = "Ensimmäinen askel",
		.step_fallback = "Lue tämän vastauksen ohjeet alta.",
		.answers = "Vastaukset ja ohjeet", .links = "Linkit",
		.not_scored = "ei pisteytetty",
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
report_role(const struct report_words *w, const char *role)
{
	size_t i;

	for (i = 0; role != NULL && session_roles[i] != NULL && i < NELEM(w->roles); i++)
		if (strcmp(session_roles[i], role) == 0)
			return w->roles[i];
	return role;
}
