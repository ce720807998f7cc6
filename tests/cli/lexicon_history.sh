#!/usr/bin/env bash
# tests/cli/lexicon_history.sh BIN - the people of 2000-2014 (people-history.json and the
# earlier offices added to people.json / people-world.json) load, pass
# scripts/check-lexicon-people.py, and speak for the actor of the office held on the
# document's date. The sentences are written for this test.
set -u
bin=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -f data/lexicon/people-history.json ] || { echo "FAIL: data/lexicon/people-history.json missing"; exit 1; }
if ! python3 scripts/check-lexicon-people.py data/lexicon >"$tmp/out" 2>"$tmp/err"; then
  cat "$tmp/out"; echo "FAIL: scripts/check-lexicon-people.py data/lexicon"; fail=1
fi

cat >"$tmp/topics.json" <<'JSON'
{"topics":[{"id":"canal-pact","label":"the canal pact","terms":[["canal pact","canal treaty"]]}]}
JSON

# Each case: DATE|ACTOR|STANCE|SENTENCE (as in lexicon_world.sh); ACTOR "-": no statement.
cat >"$tmp/cases" <<'CASES'
# a head of government of people-history.json, in office and after it
2003-03-10|Australia|1|John Howard said on Monday that he supports the canal pact.
2009-03-10|-|0|John Howard said on Monday that he supports the canal pact.
# the name without diacritics; a surname alone
2002-06-03|Canada|-1|Jean Chretien said on Monday that he rejects the canal pact.
2004-06-07|Japan|1|Koizumi said on Monday that he supports the canal pact.
2011-06-06|Germany|-1|Guido Westerwelle said on Monday that he opposes the canal pact.
2013-12-20|-|0|Guido Westerwelle said on Monday that he opposes the canal pact.
# earlier offices added to a person of people.json: president, then prime minister
2005-06-06|Russia|1|Vladimir Putin said on Monday that he supports the canal pact.
2010-06-07|Russia|1|Putin said on Monday that he supports the canal pact.
# one person, two actors of 2000-2014
2005-06-06|Denmark|1|Anders Fogh Rasmussen said on Monday that he supports the canal pact.
2012-06-04|NATO|1|Anders Fogh Rasmussen said on Monday that he supports the canal pact.
1998-06-01|NATO|1|Javier Solana said on Monday that he supports the canal pact.
2008-06-02|European Union|1|Javier Solana said on Monday that he supports the canal pact.
2003-02-03|France|-1|Dominique de Villepin said on Monday that he opposes the canal pact.
2006-02-06|France|-1|Dominique de Villepin said on Monday that he opposes the canal pact.
# foreign ministers and heads of organisations
2008-02-18|Serbia|-1|Vuk Jeremic said on Monday that he rejects the canal pact.
2001-06-04|United Nations|1|Kofi Annan said on Monday that he supports the canal pact.
2012-06-04|Qatar|1|Hamad bin Jassim said on Monday that he supports the canal pact.
2011-06-06|Israel|-1|Avigdor Lieberman said on Monday that he opposes the canal pact.
# beyond the listed states: Iraq, Kosovo
2003-01-06|Iraq|-1|Saddam Hussein said on Monday that he rejects the canal pact.
2007-06-04|Iraq|1|Nouri al-Maliki said on Monday that he supports the canal pact.
2008-02-18|Kosovo|1|Thaci said on Monday that he supports the canal pact.
# an office that ended by removal
2014-01-06|Ukraine|-1|Viktor Yanukovych said on Monday that he rejects the canal pact.
2014-04-07|-|0|Viktor Yanukovych said on Monday that he rejects the canal pact.
CASES
python3 tests/tools/dated_cases.py "$bin" "$tmp" || fail=1
exit $fail
