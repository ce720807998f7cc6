#!/usr/bin/env bash
# tests/cli/lexicon_world.sh BIN - the world lexicon (people-world.json, organisations-
# world.json, the institution titles of roles.json, demonyms and capitals of countries.json)
# loads, passes scripts/check-lexicon-people.py, and maps speakers to actors by the date of
# office. The sentences are written for this test; the check must also catch broken data.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$bin" lexicon check >"$tmp/out" 2>"$tmp/err"; then
  echo "FAIL: lexicon check: $(cat "$tmp/err")"; fail=1
fi
if ! python3 scripts/check-lexicon-people.py data/lexicon >"$tmp/out" 2>"$tmp/err"; then
  cat "$tmp/out"; echo "FAIL: scripts/check-lexicon-people.py data/lexicon"; fail=1
fi

# the check finds each kind of mistake in a lexicon built to hold them
mkdir "$tmp/bad"
cat >"$tmp/bad/a.json" <<'JSON'
{"actors":[{"id":"Aland","type":"country","aliases":["Aland"],"metonyms":["Mariehamn"]},
           {"id":"Borduria","type":"country","aliases":["Borduria"]}],
 "roles":[{"titles":["foreign minister"],"role":"foreign minister"}],
 "people":[
  {"name":"Ann Early","aliases":["Early"],"offices":[{"actor":"Aland","role":"president","from":"2020-05-01","to":"2019-01-01"}]},
  {"name":"Bo Twice","aliases":["Twice"],"offices":[{"actor":"Aland","role":"foreign minister","from":"2018-01-01","to":"2020-01-01"},
                                                   {"actor":"Borduria","role":"foreign minister","from":"2019-06-01","to":null}]},
  {"name":"Cy Nowhere","aliases":["Nowhere"],"offices":[{"actor":"Syldavia","role":"president","from":"2018-01-01","to":null}]},
  {"name":"Di Same","aliases":["Twice","Mariehamn","Foreign Minister"],"offices":[{"actor":"Aland","role":"president","from":"2010-01-01","to":"2011-13-01"}]}]}
JSON
python3 scripts/check-lexicon-people.py "$tmp/bad" >"$tmp/out" 2>/dev/null && { echo "FAIL: the check passed a broken lexicon"; fail=1; }
for want in "Ann Early: office Aland/president ends" "Bo Twice: foreign minister of Aland and of Borduria at the same time" \
            "Cy Nowhere: office names unknown actor 'Syldavia'" "Di Same: alias 'Twice' is also Bo Twice" \
            "Di Same: alias 'Mariehamn' is also actor Aland" "Di Same: alias 'Foreign Minister' is also a role title" \
            "Di Same: office to '2011-13-01' is not a YYYY-MM-DD date"; do
  grep -qF "$want" "$tmp/out" || { echo "FAIL: the check did not report: $want"; fail=1; }
done

cat >"$tmp/topics.json" <<'JSON'
{"topics":[{"id":"canal-pact","label":"the canal pact","terms":[["canal pact","canal treaty"]]}]}
JSON

# Each case: DATE|ACTOR|STANCE|SENTENCE - the statement that one document dated DATE and
# holding SENTENCE gives on the topic has ACTOR and STANCE; ACTOR "-" means no statement.
# All cases go through one extract run, one document each.
cat >"$tmp/cases" <<'CASES'
# a foreign minister speaks for the country while in office, for nobody before or after
2020-03-02|Jordan|1|Foreign Minister Ayman Safadi said on Monday that he supports the canal pact.
2016-05-02|-|0|Foreign Minister Ayman Safadi said on Monday that he supports the canal pact.
2019-06-01|Jordan|1|Safadi said the kingdom supports the canal pact.
2024-03-05|Egypt|-1|Foreign Minister Sameh Shoukry said on Monday that he rejects the canal pact.
2024-09-05|-|0|Foreign Minister Sameh Shoukry said on Monday that he rejects the canal pact.
# one person, two actors: the office held on the date decides
2015-06-01|Ethiopia|1|Tedros Adhanom Ghebreyesus said on Monday that he supports the canal pact.
2020-06-01|WHO|1|Tedros Adhanom Ghebreyesus said on Monday that he supports the canal pact.
2016-06-01|Chad|-1|Moussa Faki said on Monday that he opposes the canal pact.
2020-06-01|African Union|-1|Moussa Faki said on Monday that he opposes the canal pact.
2017-06-01|European Council|1|Donald Tusk said he backs the canal pact.
2024-06-01|Poland|1|Donald Tusk said he backs the canal pact.
# an office added to a person already in people.json
2015-06-01|United Kingdom|1|Prime Minister David Cameron said he backs the canal pact.
# institutions, demonyms, capitals and organisations new in the lexicon
2019-06-01|Japan|1|The Japanese embassy said it supports the canal pact.
2019-06-01|Comoros|-1|The Comorian foreign ministry said it rejects the canal pact.
2019-06-01|Malawi|1|Lilongwe said it supports the canal pact.
2019-06-01|Polisario Front|-1|The Polisario Front said it rejects the canal pact.
CASES
python3 tests/tools/dated_cases.py "$bin" "$tmp" || fail=1
exit $fail
