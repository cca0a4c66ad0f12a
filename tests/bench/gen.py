#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen.py: synthetic content for the benchmark (python3 standard library only).

    gen.py pack DIR NQUESTIONS
        A pack of NQUESTIONS questions with 4 choices each, so 4 x NQUESTIONS
        answer-text files of about 3 KB of Markdown (paragraphs, headings,
        lists, emphasis, links), shaped like the bundled packs, under
        DIR/answers/AREA/. Ten areas. The pack's id is "bench", its language
        "tr". DIR is replaced.

    gen.py bodies PACKDIR OUTDIR
        The Markdown bodies (front matter removed) of the answer texts that
        gen.py answers picks, one file per question: what cmark is given
        as the parse floor of the report.

    gen.py answers OUT NQUESTIONS [SEED]
        An answers file answering every question of a pack of NQUESTIONS
        (the choice that gen.py bodies picks when SEED is absent, a random
        one with some "na" and notes otherwise).

    gen.py group OUTDIR COUNT NQUESTIONS
    gen.py network OUTDIR COUNT NQUESTIONS
        COUNT answers files of different respondents (roles, notes, a few
        unanswered questions), for merge.

Everything is deterministic: the same arguments give the same bytes.
"""
import os
import random
import shutil
import sys

WORDS = """
örgüt dernek vakıf gönüllü üye yönetim kurul karar plan hedef amaç strateji
faaliyet proje kaynak bütçe bağış hibe rapor kayıt izleme değerlendirme
iletişim paydaş ortaklık ağ platform kamu belediye kurum toplantı tutanak
katılım şeffaflık hesap verebilirlik etik ilke politika süreç yöntem araç
eğitim atölye kapasite deneyim bilgi beceri öğrenme geri bildirim gözden
geçirme öncelik takvim görev sorumluluk yetki rol ekip koordinatör çalışan
topluluk mahalle kadın genç engelli göçmen çevre hak savunuculuk kampanya
sosyal medya haber bülteni web sitesi basın açıklama içerik hikâye fotoğraf
düzenli açık yazılı ortak küçük büyük yeni güncel basit kısa uzun önemli
herkes birlikte yıllık aylık haftalık sonra önce şimdi bugün yarın her
bir iki üç birkaç çoğu bazı hiçbir tüm kendi bu şu o ve ama ile için gibi
kadar daha çok az en göre karşı arasında üzerinde içinde sonunda başında
belirliyoruz paylaşıyoruz tutuyoruz yapıyoruz değerlendiriyoruz öğreniyoruz
güçlendirir kolaylaştırır sağlar gösterir anlatır destekler geliştirir
""".split()

HEADINGS = [
    "Bir sonraki düzeyde ne değişir?", "İlk adımlar", "Dikkat edilmesi gereken tuzak",
    "Neden önemli?", "Başka örgütler ne yapıyor?", "Kimlerle konuşmalı?",
    "Küçük bir örnek", "Ölçmek için",
]

DOMAINS = [
    "https://www.stgm.org.tr", "https://www.intrac.org", "https://www.sivilsayfalar.org",
    "https://www.tusev.org.tr", "https://www.civicus.org", "https://www.kamuyonetimi.org",
    "https://www.ngo-guide.example.org", "https://www.gonulluluk.example.org.tr",
]

LINK_TEXTS = [
    "STOK – Herkese Lazım Dersler", "Örgütsel gelişim rehberi", "Gönüllü yönetimi kılavuzu",
    "İzleme ve değerlendirme için araçlar", "Strateji belgesi şablonu",
    "Kaynak geliştirme el kitabı", "İletişim planı hazırlamak", "Katılımcı karar alma",
]

NAREAS = 10


def make_sentence(rng, lo=8, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    if rng.random() < 0.25:
        i = rng.randrange(len(words))
        words[i] = ("**%s**" if rng.random() < 0.5 else "*%s*") % words[i]
    s = " ".join(words)
    first = "İ" if s[0] == "i" else s[0].upper()	# Turkish capital dotted I
    return first + s[1:] + rng.choice([".", ".", ".", "?"])


# A fixed pool of sentences: drawing from it keeps 100,000 files quick to write.
POOL = [make_sentence(random.Random(i)) for i in range(4000)]
LONG_POOL = [make_sentence(random.Random(-1 - i), 10, 22) for i in range(1000)]


def sentence(rng, lo=8, hi=18):
    if hi > 18:
        return LONG_POOL[rng.randrange(len(LONG_POOL))]
    return POOL[rng.randrange(len(POOL))]


def paragraph(rng, target):
    out = []
    n = 0
    while n < target:
        s = sentence(rng)
        out.append(s)
        n += len(s.encode()) + 1
    return " ".join(out)


def url(rng, qid, c):
    d = rng.choice(DOMAINS)
    if rng.random() < 0.5:
        return "%s/kaynak/%d" % (d, rng.randrange(200))	# shared across texts
    return "%s/rehber/q%d-%d" % (d, qid, c)		# this text's own


def body(rng, qid, c):
    """About 3 KB of Markdown, shaped like data/tr/answers."""
    parts = [paragraph(rng, 550)]
    headings = rng.sample(HEADINGS, 3)
    parts.append("### " + headings[0])
    parts.append(paragraph(rng, 350))
    parts.append("### " + headings[1])
    items = []
    for _ in range(rng.randint(3, 4)):
        item = sentence(rng, 10, 22)
        if rng.random() < 0.4:
            item += " Bkz. [%s](%s)." % (rng.choice(LINK_TEXTS), url(rng, qid, c))
        items.append("- " + item)
    parts.append("\n".join(items))
    parts.append("### " + headings[2])
    parts.append(paragraph(rng, 350))
    if rng.random() < 0.3:
        parts.append("> " + sentence(rng, 12, 20))
    parts.append("### Kaynaklar")
    links = []
    for _ in range(rng.randint(2, 3)):
        links.append("- [%s](%s): %s" % (rng.choice(LINK_TEXTS), url(rng, qid, c),
                                          sentence(rng, 10, 20)))
    parts.append("\n".join(links))
    text = "\n\n".join(parts) + "\n"
    # trim or pad the first paragraph to land near 3,000 bytes
    while len(text.encode()) < 2900:
        parts[0] += " " + sentence(rng)
        text = "\n\n".join(parts) + "\n"
    return text


def one_line(rng, lo, hi):
    return make_sentence(rng, lo, hi).replace("*", "")


def answered_choice(qid):
    return qid % 4 + 1


def area_of(qid, nq):
    per = (nq + NAREAS - 1) // NAREAS
    return (qid - 1) // per


def cmd_pack(d, nq):
    nq = int(nq)
    tmp = d + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, "answers"))
    rng = random.Random(nq)
    y = ["# A synthetic pack for the benchmark (tests/bench/gen.py).",
         "id: bench", "title: Kıyaslama Paketi (%d soru)" % nq, "language: tr",
         "version: 1", "introduction: >-", "  " + paragraph(rng, 300), "areas:"]
    per = (nq + NAREAS - 1) // NAREAS
    for a in range(NAREAS):
        first, last = a * per + 1, min(nq, (a + 1) * per)
        if first > last:
            break
        y += ["  - id: alan-%d" % (a + 1), "    title: Alan %d %s" % (a + 1, one_line(rng, 2, 4)),
              "    description: >-", "      " + paragraph(rng, 250), "    questions:"]
        os.makedirs(os.path.join(tmp, "answers", "alan-%d" % (a + 1)))
        for q in range(first, last + 1):
            y += ["      - id: %d" % q, "        text: >-", "          " + one_line(rng, 10, 16)]
            if q % 4 == 1:	# help on one question in four keeps assessment.yaml under 8 MiB
                y += ["        help: |-", "          " + paragraph(rng, 300)]
            y.append("        choices: [1, 2, 3, 4]")
    with open(os.path.join(tmp, "assessment.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(y) + "\n")
    for q in range(1, nq + 1):
        adir = os.path.join(tmp, "answers", "alan-%d" % (area_of(q, nq) + 1))
        for c in range(1, 5):
            r = random.Random(q * 10 + c)
            fm = ["---", "title: " + one_line(r, 10, 18), "question_id: %d" % q,
                  "choice_id: %d" % c]
            if c < 4:
                fm.append("step: " + one_line(r, 12, 20))
            fm.append("---")
            with open(os.path.join(adir, "q%d-%d.md" % (q, c)), "w", encoding="utf-8") as f:
                f.write("\n".join(fm) + "\n" + body(r, q, c))
    shutil.rmtree(d, ignore_errors=True)
    os.rename(tmp, d)


def split_body(text):
    lines = text.split("\n")
    end = lines.index("---", 1)
    return "\n".join(lines[end + 1:])


def cmd_bodies(packdir, outdir):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    nq = 0
    for root, _, files in os.walk(os.path.join(packdir, "answers")):
        for name in files:
            q, c = name[1:-3].split("-")
            if int(c) == answered_choice(int(q)):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    b = split_body(f.read())
                with open(os.path.join(outdir, "b%06d.md" % int(q)), "w", encoding="utf-8") as f:
                    f.write(b)
                nq += 1
    return nq


ROLES = ["board", "manager", "staff", "volunteer", "member"]


def answers_text(nq, seed, org="Mahalle Dayanışma Derneği"):
    rng = random.Random(-1 if seed is None else seed)
    out = ['pack: "bench"', "version: 1", 'language: "tr"',
           'organisation: "%s"' % org]
    if seed is None:
        out.append('role: "board"')
    else:
        out.append('role: "%s"' % ROLES[seed % len(ROLES)])
    out += ['date: "2026-11-23"', "answers:"]
    for q in range(1, nq + 1):
        if seed is None:
            out += ["  - question: %d" % q, "    choice: %d" % answered_choice(q)]
            if q % 10 == 0:
                out.append('    note: "%s"' % one_line(rng, 5, 12))
            continue
        if rng.random() < 0.05:
            continue
        out += ["  - question: %d" % q,
                "    choice: %s" % ("na" if rng.random() < 0.03 else rng.randint(1, 4))]
        if rng.random() < 0.1:
            out.append('    note: "%s"' % one_line(rng, 5, 12))
    out.append("priorities:")
    for a in range(min(NAREAS, nq)):
        out += ['  - area: "alan-%d"' % (a + 1),
                "    priority: %s" % ("high", "medium", "low")[(a + (seed or 0)) % 3]]
    return "\n".join(out) + "\n"


def cmd_answers(out, nq, seed=None):
    with open(out, "w", encoding="utf-8") as f:
        f.write(answers_text(int(nq), None if seed is None else int(seed)))


def cmd_group(outdir, count, nq):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    for i in range(int(count)):
        with open(os.path.join(outdir, "r%05d.yaml" % i), "w", encoding="utf-8") as f:
            f.write(answers_text(int(nq), i + 1))


def cmd_network(outdir, count, nq):
    """One answers file for each of COUNT member organisations of a network."""
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    for i in range(int(count)):
        with open(os.path.join(outdir, "m%05d.yaml" % i), "w", encoding="utf-8") as f:
            f.write(answers_text(int(nq), i + 1, "Üye Derneği %05d" % (i + 1)))


def main(argv):
    cmds = {"pack": (cmd_pack, 2), "bodies": (cmd_bodies, 2), "answers": (cmd_answers, 2),
            "group": (cmd_group, 3), "network": (cmd_network, 3)}
    if len(argv) < 2 or argv[1] not in cmds or len(argv) - 2 < cmds[argv[1]][1]:
        sys.stderr.write(__doc__)
        return 2
    cmds[argv[1]][0](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
