"""Crisis-language detection for journal entries.

Regex rules over sentences always run; an optional sentence-embedding signal
adds recall for indirect phrasing that no rule list can enumerate. No Django
imports, so web requests, workers and tests can all call it directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NONE, CONCERN, URGENT = "none", "concern", "urgent"
_RANK = {NONE: 0, CONCERN: 1, URGENT: 2}

# A sentence must be this close (cosine) to a crisis prototype and MARGIN closer to it than to any hard
# negative. Chosen by sweeping crisis_dev.jsonl: lower thresholds add a little recall for many more false
# positives (0.55/0.00: recall 96.6%, FPR 2.5%; 0.60/0.05: 95.6%, 0.5%).
EMBED_THRESHOLD = 0.60
EMBED_MARGIN = 0.05
_MAX_EMBED_SENTENCES = 256  # bounds model latency on pathological entries
_MAX_REASONS = 10


@dataclass(frozen=True)
class CrisisResult:
    flagged: bool
    level: str  # "none" | "concern" | "urgent"
    reasons: list[str]

    def as_dict(self) -> dict:
        return {"flagged": self.flagged, "level": self.level, "reasons": list(self.reasons)}


# Patterns run on lower-cased text with in-word apostrophes removed ("don’t" -> "dont").
_ME = r"(?:myself|my ?self|myslef|mysef)"
_SUICIDE = r"(?:suicide|sucide|suicde|suiside)"
_SUICIDAL = r"(?:suicidal|suicidle|sucidal|suicdal|suicidial)"
_WANT = r"(?:(?:want(?:ed|s|ing)?|wish(?:ed)?|ready|need|deserve|waiting|hoping|praying) (?:to|2)"
_WANT += r"|wann?a|wish (?:i|id|i could|i would)|should|feel like)"
_PILLS = r"(?:pills|meds|medication|tablets|painkillers|sleeping pills|paracetamol|antidepressants)"
_GONE = r"(?:died|was dead|were dead|was gone|were gone|disappeared|vanished|didnt exist|killed myself|ended it)"
# {(category, level, kind, checks): patterns}. `kind` drives escalation; `checks` name the suppressors
# to apply: n negation, s the subject must be the writer, a accident, g ordinary farewells, r relationships.
_RULES = {
    ("suicidal ideation", URGENT, "ideation", "n"): [
        rf"\bkil+(?:ing|ed|in)? ?{_ME}\b|\bkms\b|\b(?:unalive|off|top) (?:myself|me)\b",
        rf"\b(?:hang|hanging|shoot|shooting) {_ME}\b|\bslit(?:ting)? my (?:wrists?|throat)\b",
        r"\b(?:end(?:ing)?|take|taking) my (?:own )?life\b|\bend(?:ing)? it all\b",
    ],
    ("suicidal ideation", URGENT, "ideation", "ns"): [
        rf"\b{_WANT}(?: just| really| honestly| fucking)? (?:die|be dead)\b",
        rf"\b(?:feel|feeling|felt|im|am|been|getting|got)(?: so| really| very| pretty| quite)? {_SUICIDAL}\b",
        rf"\b(?:having|had|have|get|getting|my) {_SUICIDAL} (?:thoughts|feelings|urges)\b",
        rf"\b(?:commit(?:ting)?|attempt(?:ing)?|consider(?:ing|ed)?|contemplat(?:e|ed|ing)|plan(?:ning)?) {_SUICIDE}\b",
        rf"\b(?:think(?:ing)? (?:about|of)|thought about|thoughts of) {_SUICIDE}\b"
        r"(?! (?:prevention|awareness|rates?|risk|hotline|helpline|squad|research))",
        rf"\b{_SUICIDE} is the (?:only )?(?:way|answer|option)\b",
    ],
    ("passive suicidal ideation", CONCERN, "ideation", "s"): [
        r"\b(?:dont|never|do not) (?:really |even )?(?:want|wanna|wish)(?: to)? "
        r"(?:live|be alive|exist|wake up|be here (?:anymore|any ?more)|be here$)\b"
        r"(?! (?:forever|like this|early|so early|at|before|until|til|with|in|there|on)\b)",
        r"\b(?:want|wanna|wish) (?:to )?(?:stop (?:existing|living|being alive|breathing)"
        r"|not (?:be alive|exist|be here anymore|wake up))\b",
        r"\bdont deserve to (?:live|be alive|exist)\b|\bhate being alive\b|\bdone with (?:life|living|being alive)\b",
        r"\b(?:dying|death) (?:doesnt|does not|wouldnt|no longer) (?:scare|frighten) me\b",
        r"\bwaste of (?:space|oxygen)\b",
        rf"\bif i (?:just )?(?:{_GONE}|wasnt (?:here|around|alive)|werent (?:here|around|alive))\b"
        r"(?! (?:to|for|on|at|in|when|from|with)\b)",
    ],
    ("passive suicidal ideation", CONCERN, "ideation", ""): [
        r"\b(?:hop(?:e|ing)|wish(?:ing)?|pray(?:ing)?) (?:that )?i (?:just )?(?:dont|never|wouldnt|wont|do not) "
        r"wake up\b"
        r"(?! (?:late|early|in time|on time|before|until|till|at)\b)",
        r"\b(?:wouldnt mind|would(?:nt)? care|be (?:okay|ok|fine|glad|happy|relieved)) "
        r"if i (?:didnt|never|dont) wake up\b",
        r"\b(?:sleep|asleep) (?:forever )?and (?:never|not) wake up\b",
        r"\b(?:want to|wanna|wish i could) (?:just )?(?:go to |fall )?(?:sleep|asleep) forever\b",
        r"\bwish (?:i|id) (?:was|were|could be|had been|been) dead\b(?! (?:rich|serious|tired|lucky|good)\b)",
        r"\bwish (?:i|id) (?:had |was |were )?never (?:been born|born|existed)\b",
        r"\bbetter off dead\b|\brather be dead\b",
        r"\b(?:better|happier|easier|fine|okay)\b(?: \w+){0,3} without me\b(?! (?:for|while|on|at|this|next|today))",
        r"\b(?:doing|do) (?:everyone|everybody|them|the world) a favou?r (?:by|if i)\b",
        r"\b(?:wish|hope|pray)\w* (?:\w+ ){0,3}would (?:just )?(?:hit|kill|run over|take) me\b",
        r"\b(?:wish|hope|pray)\w* (?:that )?(?:the|my) (?:plane|car|bus|train|flight) (?:crashes|would crash)\b",
        r"\b(?:wish|want|wanna) (?:i could |to )?(?:just )?disappear (?:forever|for good|permanently)\b",
        r"\bdisappeared forever\b",
        r"\b(?:nobody|no one|noone) (?:would|will|is going to) (?:even )?miss me\b",
        r"\b(?:want|need|wait for|waiting for) (?:it all|everything|all of (?:it|this)|this|the pain|this pain|it) "
        r"(?:all )?to (?:end|stop|be over) (?:forever|permanently|for good)\b",
        r"\bwant (?:everything|it all|all of it) to end\b",
        r"\b(?:wont|will not|not going to) be alive (?:by|for|to see|next|in|much)\b",
    ],
    ("passive suicidal ideation", CONCERN, "ideation", "n"): [
        r"\b(?:no|(?:cant|dont|cannot) see (?:any|a|the)) (?:reason|point) (?:to|in) (?:go(?:ing)? on|liv(?:e|ing)"
        r"|keep(?:ing)? (?:going|living)|be(?:ing)? (?:here|alive)|stay(?:ing)? alive|stay|stick around"
        r"|carry(?:ing)? on)\b"
        r"(?! with| in| at| for| late| up| home)",
        r"\bnothing (?:left )?to live for\b|\bwhy (?:should|would|do) i (?:keep|go on|bother) (?:living|being alive)\b",
        r"\b(?:whats|what is) (?:even )?the point (?:of|in) (?:living|being alive|going on|life|existing)\b",
        r"\b(?:tired|sick) of (?:living|being alive|existing|life)\b(?! (?:admin|in)\b)",
        r"\blife (?:isnt|is not|aint|is no longer) worth (?:living|it)\b(?! without)",
        r"\b(?:cant|cannot|can not|dont think i can|can no longer) (?:go on|keep going|carry on)"
        r"(?= *(?:like this|anymore|any ?more|living|$|[,.!?]))",
        r"\bthink(?:ing)? about (?:dying|being dead|not existing|not waking up)\b",
        r"\b(?:dying|being dead|death) would be (?:a |such a )?(?:relief|easier|better|peaceful)\b",
        r"\b(?:only|best) (?:way|option|answer)\b(?: \w+){0,6} is (?:to die|death|dying|suicide)\b",
        r"\bway out except (?:dying|death)\b|\bwant out of (?:this )?life\b|\bfeel like dying\b",
        r"\b(?:disappointed|upset|angry) (?:that )?im still (?:alive|here|breathing)\b",
        r"\b(?:fantasi[sz]\w*|dream\w*|thinking) about my (?:own )?(?:death|funeral|suicide)\b",
        r"\bdeserve (?:to (?:be hurt|suffer|feel pain)|pain|the pain)\b",
    ],
    ("passive suicidal ideation", CONCERN, "ideation", "nr"): [
        r"\b(?:im|i am) ending it\b",
        r"\bend(?:ing)? it(?= *(?:tonight|today|tomorrow|now|soon|(?:this|next) (?:weekend|week)|$|[,.!?]))",
        r"\bend(?:ing)? (?:things|everything)\b(?! (?:with|between))",
    ],
    ("hopelessness", CONCERN, "ideation", "n"): [
        r"\b(?:cant|cannot|dont) see (?:a|any) future\b(?! (?:with|in)\b)",
        r"\b(?:cant|cannot|can no longer|dont want to) (?:keep )?fight(?:ing)?(?: this| it)?(?= *(?:anymore|$|[,.!?]))",
    ],
    ("feeling like a burden", CONCERN, "ideation", "n"): [
        r"\b(?:im|am|feel|feeling|being|become|becoming)(?: like)?"
        r"(?: just| only| nothing but| such| so much of| always)? (?:a |such a )?"
        r"(?:huge |massive |big |total |constant )?burden\b",
        r"\bburden (?:to|on|for) (?:everyone|everybody|my family|them all|the people i love)\b|\bwont be a burden\b",
    ],
    ("goodbye or preparation", CONCERN, "prep", "nsg"): [
        r"\b(?:wont|will not|not going to) be (?:around|here) (?:much |for much |for )?(?:longer|long)\b",
        r"\bwont be around to\b|\bif im (?:gone|dead|not here) tomorrow\b",
        r"\b(?:said|saying|say|written|wrote|writing|write) (?:my )?(?:goodbyes?|farewells?|letters|notes) "
        r"to (?:everyone|everybody|all)\b",
        r"\b(?:said|say|saying) (?:all )?my goodbyes\b(?! to)",
        r"\bthis is (?:my )?goodbye\b|\b(?:goodbye|farewell) (?:letters?|notes?)\b",
        r"\b(?:my|the) (?:note|letters?) (?:is|are) (?:written|done|ready)\b|\bwho gets my (?:things|stuff)\b",
        r"\b(?:giving|gave|give) (?:away (?:all )?(?:of )?my (?:things|stuff|belongings|possessions)\b"
        r"|(?:all )?my (?:things|stuff|belongings|possessions) away\b)",
        r"\bwont need (?:them|it|my \w+) (?:where im going|anymore|soon|much longer)\b",
        r"\b(?:the|my) last (?:thing|entry|words?) (?:ill|i will|im going to) (?:ever )?write\b",
        r"\b(?:wrote|written|writing) (?:letters|notes|a letter|a note)\b.{0,60}\bjust in case\b",
        r"\b(?:started|been|keep) saying goodbyes?\b|\b(?:note|letter) .{0,30}explaining why\b",
        r"\bmade sure (?:everyone|everybody|they|the kids|my \w+) (?:will be|is|are) (?:looked after|taken care of)\b",
    ],
    ("self-harm", URGENT, "selfharm", "na"): [
        r"\b(?:cut(?:ting|s)?|slash(?:ed|ing)?|carv(?:e|ed|ing)|burn(?:ed|t|ing)?|hurt(?:ing)?|harm(?:ed|ing)?|"
        rf"punch(?:ed|ing)?|hit(?:ting)?|starv(?:e|ed|ing)|scratch(?:ed|ing)?) {_ME}\b"
        r"(?! (?:a|some|another) (?:slice|piece|bit|break)| some slack| off\b)",
        r"\b(?:cut|cutting|carv(?:e|ed|ing)|slic(?:e|ed|ing)|slash(?:ed|ing)?|burn(?:ed|t|ing)?|scratch(?:ed|ing)?) "
        r"(?:into )?my (?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b",
        r"\buntil (?:it|they|i) (?:bleed|bled|bruise)|\bbled because i deserve\b|\bwant to bleed\b",
        r"\bpunish(?:ing)? myself (?:by|with) (?:cutting|hurting|burning|starving|hitting)\b",
        r"\bby cutting(?= again|\s*$|\s*[,.!?])",
    ],
    ("self-harm", URGENT, "selfharm", "ns"): [
        r"\b(?:i|im|ive|been|started|start|keep|kept|still|again|to|wanna|my) "
        r"self[ -]?(?:harm(?:ing|ed)?|injur(?:e|ing|ed))\b",
        r"\burges? to (?:cut|burn|hurt|harm|self)",
        r"\b(?:want(?:ed)? to|wanna|need to|going to|gonna) (?:cut|burn)(?= again|\s*$|\s*[,.!?]| so\b| tonight)",
        r"\b(?:been|started|start|keep|kept) cutting(?= again\b| myself|\s*$|\s*[,.!?;]| and)|\bcutting again\b",
        r"\b(?:i|ive) cut again\b",
        r"\brelaps(?:e|ed)\b(?=.{0,80}\b(?:cut|self[ -]?harm|blade|razor))|\bcut myself\b.{0,80}\brelaps",
    ],
    ("self-harm", CONCERN, "selfharm", "n"): [
        r"\b(?:hid(?:e|ing)?|cover(?:ed|ing)?) (?:up )?(?:the |my )?(?:fresh |new )?"
        r"(?:marks|scars|cuts|burns|wounds)\b",
        r"\b(?:fresh|new) (?:cuts|wounds)\b|\b(?:took|take|taking|got) (?:the|my) (?:blade|razor|blades) out\b",
    ],
    ("plan or means", URGENT, "plan", "n"): [
        rf"\b(?:stockpil|hoard|sav)(?:e|ed|ing)? (?:up )?(?:my |all my |enough )?{_PILLS}\b",
        rf"\b{_PILLS} (?:saved|stashed|stockpiled|hidden)\b|\bstash(?:ed)? (?:of )?(?:my )?{_PILLS}\b",
        r"\bnoose\b|\bsuicide (?:note|letter|plan)\b|\bplan(?:ning|ned)? my (?:own )?(?:suicide|death)\b",
        r"\b(?:take|took|taking|swallow(?:ed|ing)?) (?:all|a handful|too many|a bunch) "
        rf"(?:of )?(?:my |the )?{_PILLS}\b",
        rf"\b(?:take|swallow|down)\w* (?:the )?(?:whole|entire) (?:bottle|packet|pack|box) of {_PILLS}\b",
        r"\b(?:think(?:ing)? (?:about|of)|thought (?:about|of)|imagin(?:e|ing)|pictur(?:e|ing)|plan(?:ning)? (?:to|on)"
        r"|going to|gonna|want(?:ed)? to"
        r"|about to|how easy it would be to) (?:\w+ ){0,2}(?:jump(?:ing)?|step(?:ping)?|throw(?:ing)? myself"
        r"|overdos(?:e|ing)|od(?:ing)?|driv(?:e|ing)(?: my car)? (?:off|into)"
        r"|walk(?:ing)? (?:out )?into (?:the sea|the ocean|the river|traffic))\b"
        r"(?! (?:in|into) the (?:sea|pool|lake)|(?: \w+){0,3} (?:window|pool))",
        r"\b(?:ill|i will|id|i could) (?:just )?(?:jump|step|throw myself) (?:off|from|in front of|under) "
        r"(?:\w+ ){0,2}(?:bridge|roof|building|balcony|cliff|train|tower|ledge|motorway)\b",
        r"\b(?:just|could) (?:step|jump|walk) (?:off|in front of|into traffic)\b",
        r"\b(?:sitting|standing|sat|stood) (?:on|at) (?:the )?(?:edge|ledge) of "
        r"(?:the|a|my) (?:roof|bridge|building|balcony|platform)\b",
        r"\b(?:painless|quick|easy|quickest|best) (?:ways?|methods?) to die\b|\bhow (?:many|much) .{0,40}to overdose\b",
        r"\b(?:have|got|made) a plan (?:to (?:end|kill|die|do it)|and i know)\b|\bplan is to do it\b",
        r"\bcounting (?:my |the )?(?:pills|tablets)\b|\b(?:have|got) (?:the|my|enough) (?:pills|tablets|rope) ready\b",
        r"\b(?:take|taking|took|swallow\w*) every (?:pill|tablet)\b|\balmost (?:stepped|jumped) (?:off|in front)\b",
        r"\b(?:razor|blade|knife) (?:against|to|on|into) my (?:wrists?|arms?|skin|throat|thighs?)\b",
        r"\b(?:know|planning|planned|worked out|figured out|decided|picked|thought about|thinking about) "
        r"(?:exactly )?(?:how|when|where) "
        r"(?:im going to|id|i would|i will|ill) do it\b",
    ],
}
_COMPILED = [(*key, re.compile("|".join(pats))) for key, pats in _RULES.items()]

# Weak signals: they only count alongside ideation (or each other) in the same entry.
_MEANS = re.compile(r"\b(?:bridge|roof|rope|pills|tablets|overdose|ledge|train tracks|razor|blade|knives|gun)\b")
_RESOLVE = re.compile(
    r"\b(?:know|decided) (?:exactly )?what (?:im going to|to) do\b|\bmade up my mind\b"
    r"|\b(?:going to|ill) (?:finally )?do it\b|\benough \w+(?: \w+)? to do it\b"
)
_TIMELINE = re.compile(r"\b(?:tonight|this weekend|today is the day|before (?:monday|friday|the weekend))\b")
# "I can't do this anymore" is everyday venting unless the entry is also hopeless.
_HOPELESS = re.compile(
    r"\b(?:hopeless|pointless|no point|worthless|give up|giving up|nothing (?:matters|will ever|is ever)|trapped"
    r"|never (?:going to )?get(?:s)? better|no way out|hate myself|im done|tired of (?:fighting|everything|trying)"
    r"|meaningless|empty|numb|permanently|forever|for good)\b"
)
_IF_HOPELESS = re.compile(
    r"\b(?:cant|cannot|can not) (?:do|take|handle) (?:this|it|any of this) (?:anymore|any ?more|much longer)\b"
    r"|\b(?:cant|cannot|no way i can) (?:keep )?liv(?:e|ing) like this\b|\bno way out\b"
    r"|\b(?:just )?want (?:everything|it all|it|the pain) to (?:end|stop|be over)\b"
)

# Suppressors: reasons a match is not the writer's own, current crisis.
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|dont|doesnt|didnt|wont|wouldnt|cant|cannot|couldnt|isnt|arent|wasnt|havent|hasnt"
    r"|nor|no)\b((?:\s+\w+){0,3})\s*$"
)
# "I can't stop thinking about killing myself" and "I don't know why I want to die" are not negations.
_REVERSAL = {"stop", "help", "wait", "know", "tell", "say", "understand", "explain", "believe", "admit", "hide"}
_REVERSAL |= {"why", "how", "if", "whether", "anyone", "see"}
_ASKED = re.compile(r"\basked (?:me )?(?:if|whether)\b")  # screening questions, not statements
_CLAUSE = re.compile(r",|\b(?:but|and|because|so|though|although|yet)\b")
_SUBJECT = re.compile(
    r"\b(i|im|ive|id|ill|me|myself|we|us|he|she|they|hes|shes|theyre|him|her|them|his|their|you|youre|someone|somebody"
    r"|people|character|narrator|friend|brother|sister|mom|mum|mother|dad|father|son|daughter|cousin|uncle|aunt"
    r"|gran|grandma|grandad|grandpa|husband|wife|boyfriend|girlfriend|partner|colleague|coworker|boss|patient"
    r"|client|student|man|woman|guy|girl|kid|teenagers?|singer|author|neighbou?r)\b"
)
_FIRST = {"i", "im", "ive", "id", "ill", "me", "myself"}  # "we" is deliberately not the writer alone
_FIGURATIVE_AFTER = re.compile(
    r"^\s*(?:(?:of|from) (?:embarrassment|shame|laughter|laughing|boredom|cringe|envy|the heat|hunger)|laughing"
    r"|my hair|for (?:forgetting|not|being|saying|doing|missing|eating|letting)\b|in the foot|to get (?:ready|fit)"
    r"|(?:at|over|with) (?:the gym|work|training|revision|studying)|(?:\w+ ){0,3}(?:at \d+|when im (?:old|\d+)))"
)
_JOKE = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|jk|just kidding|kidding|joking)\b|[😂🤣💀]")
_PURE_JOKE = re.compile(r"\b(?:jk|just kidding|only joking)\b")
_TRIVIAL = re.compile(
    r"\b(?:meetings?|spreadsheets?|excel|emails?|inbox|zoom|printer|commute|traffic|queue|mondays?|homework|essay"
    r"|group project|presentation|deadlines?|paperwork|karaoke|small talk|ikea|assignment|client|manager|office"
    r"|shift|work)\b"
)
_HYPERBOLE = re.compile(r"\b(?:if (?:i|we) (?:have to|hear|get|see)|one more|another|mak(?:es?|ing) me want to)\b")
_MEDIA = re.compile(
    r"\b(?:song|lyrics?|book|novel|poem|film|movie|show|series|episode|character|narrator|chapter|album|chorus"
    r"|verse|quote|play|sings?|podcast|documentary|article)\b"
)
_ACCIDENT = re.compile(
    r"\b(?:shaving|chopping|cooking|kitchen|knife slipped|slipped|accident(?:ally)?|by mistake|paper|glass|gym"
    r"|workout|deadlifts?|lifting|running|football|playing|training|oven|stove|tray|pan|iron|kettle|hob|fell"
    r"|tripped|falling|hiking|climbing|skiing|bike|garden(?:ing)?|diy|tin|sun|itch\w*|eczema|rash|bites?"
    r"|carrying|stairs|furniture|sofa|tackle|sprain\w*|twist\w*|pulled a muscle|straighteners|curling iron)\b"
)
_ACTIVITY_AFTER = re.compile(
    r"^\s*(?:badly |a bit )?(?:(?:while|when) )?(?:(?!feeling|wanting|trying|hoping|thinking)\w+ing"
    r"|on (?:a|an|the|some)|at (?:the|work)|by accident|accidentally)\b"
)
_INTENT = re.compile(r"\b(?:on purpose|deliberately|intentionally|to feel|to punish|because i deserve)\b")
_PAST = re.compile(
    r"\b(?:used to|years? ago|months ago|when i was|back (?:then|in)|as a (?:kid|child|teen|teenager)|last year"
    r"|in (?:high school|middle school|secondary school|college|uni|my (?:teens|twenties))|in (?:19|20)\d\d"
    r"|\w+ (?:years?|months?) clean|clean for|in the past|the time i)\b"
)
_RECOVERED = re.compile(
    r"\b(?:clean|recovered|recovery|no longer|grateful|glad|proud|doing (?:so |much )?better|still here|survived"
    r"|how far|(?<!nothing )helped|(?:much |a )?better place|good place|doing well|healed|(?:now|today) (?:i|im)"
    r"|(?:good|better|happy|okay|fine) now"
    r"|(?:theyre|they are|its|it is) (?:gone|over) now)\b"
)
_GOODBYE_CONTEXT = re.compile(
    r"\b(?:airport|station|flight|trip|holiday|visit|leaving|last day|retir\w*|moving|moved|new job|graduation"
    r"|funeral|grave|memorial|colleague|coworker|party|wedding|dinner|charity|declutter\w*|donat\w*)\b"
)
_EXPLICIT = re.compile(
    rf"{_SUICIDE}|{_SUICIDAL}|self[ -]?harm|\b(?:kill|hurt|cut|burn|harm)\w* {_ME}|\b(?:die|died|dying|dead|death)\b"
    r"|\bburden|\bgoodbyes?\b"
)
_RELATIONSHIP = re.compile(
    r"\b(?:with (?:him|her|them)|relationship|boyfriend|girlfriend|partner|husband|wife|dating|break ?up|job"
    r"|contract|subscription|lease)\b"
)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case and drop in-word apostrophes; also return a map back to `text`."""
    out, index = [], []
    for i, ch in enumerate(text):
        if ch in "'’‘ʼ`":
            if text[i - 1 : i].isalpha() and (text[i + 1 : i + 2].isalpha() or i + 1 == len(text)):
                continue
            ch = '"'  # a quote mark rather than an apostrophe: keeps quoted lyrics visible
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
        index.append(i)
    return "".join(out), index


def _sentences(norm: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?;\n…]+", norm) if m.group().strip()]


def _pieces(norm: str, span: tuple[int, int], limit: int = 300) -> list[tuple[int, int]]:
    """Cut an unpunctuated run at spaces into model-sized pieces."""
    (start, end), out = span, []
    while end - start > limit:
        cut = norm.rfind(" ", start + limit // 2, start + limit)
        out.append((start, cut if cut > start else start + limit))
        start = out[-1][1]
    return out + [(start, end)]


# Context checks look at most _CONTEXT characters around a match: enough for a clause, and it keeps
# a 100,000-character unpunctuated entry linear.
_CONTEXT = 200


def _negated(prefix: str) -> bool:
    m = _NEGATION.search(_CLAUSE.split(prefix[-_CONTEXT:])[-1])
    return bool(m) and not (set(m.group(1).split()) & _REVERSAL)


def _not_writer(prefix: str) -> bool:
    subjects = _SUBJECT.findall(prefix[-_CONTEXT:])
    return bool(subjects) and subjects[-1] not in _FIRST  # no subject: a journal's implied "I"


def _accidental(near: str, after: str) -> bool:
    """'I cut myself shaving', 'burned myself on the oven': an activity follows, and no stated intent."""
    return not _INTENT.search(near) and bool(_ACCIDENT.search(near) or _ACTIVITY_AFTER.search(after))


def _suppressed(sent: str, m: re.Match, checks: str) -> bool:
    lo = max(0, m.start() - _CONTEXT)
    prefix, after, near = sent[lo : m.start()], sent[m.end() : m.end() + _CONTEXT], sent[lo : m.end() + _CONTEXT]
    if "n" in checks and (_negated(prefix) or _ASKED.search(prefix)):
        return True
    if ("s" in checks and _not_writer(prefix)) or ("a" in checks and _accidental(near, after)):
        return True
    if ("g" in checks and _GOODBYE_CONTEXT.search(near)) or ("r" in checks and _RELATIONSHIP.search(near)):
        return True
    if _FIGURATIVE_AFTER.search(after) or _PURE_JOKE.search(near):
        return True
    if _TRIVIAL.search(near) and (_HYPERBOLE.search(near) or _JOKE.search(near)):
        return True  # "if I have to sit through one more meeting I'll kill myself lol"
    in_quotes = prefix.count('"') % 2 == 1 or prefix.count("“") > prefix.count("”")
    return bool(_MEDIA.search(near)) and (in_quotes or prefix.rstrip().endswith("about"))


def _quote(text: str, index: list[int], span: tuple[int, int], match: tuple[int, int]) -> str:
    """The writer's own sentence, or whole words around the match when the sentence is long."""
    s, e = span
    if e - s > 160:
        s, e = max(s, match[0] - 60), min(e, match[1] + 60)
    words = text[index[s] : index[e - 1] + 1].split()
    words = words[s > span[0] : len(words) - (e < span[1])] or words  # drop words cut in half
    return " ".join(words).strip("\"'“”,")


def detect_crisis(text: str, embed=None) -> CrisisResult:
    """Classify one journal entry as none / concern / urgent, with quoted reasons."""
    norm, index = _normalise(text or "")
    spans = _sentences(norm)
    hits, seen = [], set()  # hit: (category, level, kind, span, match); seen: spans any rule matched
    for span in spans:
        sent = norm[span[0] : span[1]]
        for cat, lvl, kind, checks, rx in _COMPILED:
            for m in rx.finditer(sent):
                seen.add(span)
                if not _suppressed(sent, m, checks):
                    hits.append((cat, lvl, kind, span, (span[0] + m.start(), span[0] + m.end())))
                    break  # one reason per rule and sentence is enough
    if hits or any(_HOPELESS.search(norm[s:e]) for s, e in spans):
        for span in spans:
            for m in _IF_HOPELESS.finditer(norm[span[0] : span[1]]):
                if not _negated(norm[max(span[0], span[0] + m.start() - _CONTEXT) : span[0] + m.start()]):
                    hits.append(("hopelessness", CONCERN, "ideation", span, (span[0] + m.start(), span[0] + m.end())))

    recovered = _RECOVERED.search(norm) and not re.search(r"\b(?:again|relaps\w*)\b", norm)
    scored = []
    for cat, lvl, kind, span, match in hits:
        if _PAST.search(norm[max(span[0], match[0] - _CONTEXT) : min(span[1], match[1] + _CONTEXT)]):  # history
            if recovered:
                continue
            cat, lvl, kind = f"past {cat}", CONCERN, "past"
        scored.append((cat, lvl, kind, span, match))

    # A plan: current ideation plus means or resolve anywhere in the entry, ideation with a timeline in the
    # same sentence ("I'm ending it tonight"), or means plus resolve ("I bought a rope. I know what to do").
    current = {h[3] for h in scored if h[2] in ("ideation", "prep", "selfharm")}
    already_urgent = {h[3] for h in scored if h[1] == URGENT}
    means_in_entry = _MEANS.search(norm)
    for span in spans:
        sent = norm[span[0] : span[1]]
        if span in already_urgent:
            continue
        means, resolve = _MEANS.search(sent), _RESOLVE.search(sent)
        m = (means or resolve) if current else (resolve if means_in_entry else None)
        m = m or (_TIMELINE.search(sent) if span in current else None)
        if m and not (means and _ACCIDENT.search(sent)):
            scored.append(("plan or means", URGENT, "plan", span, (span[0] + m.start(), span[0] + m.end())))

    level, reasons = NONE, []
    for cat, lvl, _kind, span, match in scored:
        level = max(level, lvl, key=_RANK.get)
        reason = f'{cat}: "{_quote(text, index, span, match)}"'
        if reason not in reasons and len(reasons) < _MAX_REASONS:
            reasons.append(reason)
    if embed is not None and level == NONE:
        # The model is for indirect wording. Sentences with explicit crisis words were the rules' call:
        # their negation and figurative handling beats MiniLM, which barely registers "not".
        rest = [
            p for sp in spans if sp not in seen for p in _pieces(norm, sp) if not _EXPLICIT.search(norm[p[0] : p[1]])
        ]
        reasons = _embedding_reasons(text, index, rest, embed)
        level = CONCERN if reasons else NONE
    return CrisisResult(flagged=level != NONE, level=level, reasons=reasons)


# One theme per line, " | " between statements.
PROTOTYPES = """
I want to kill myself. | I want to die. | I am going to end my life. | I keep thinking about suicide.
I have been having suicidal thoughts. | I don't want to be alive anymore. | I wish I was dead.
I don't want to wake up tomorrow. | I wish I could go to sleep and never wake up. | Dying would be a relief.
Everyone would be better off without me. | My family would be happier if I was gone.
There is no reason to go on living. | I have nothing left to live for. | What is the point of living anymore?
I can't go on like this, I want it all to end. | I just want the pain to stop forever. | I don't see any way out.
I am a burden to everyone. | I won't be a burden much longer. | Nobody would miss me if I disappeared.
I want to disappear and never come back. | I won't be around much longer. | I am saying goodbye to everyone.
I have written letters to the people I love in case I am gone. | I am giving away my things, I won't need them.
I have been saving up my pills. | I looked up how many pills it would take. | I bought a rope to hang myself.
I thought about jumping off the bridge. | I want to step in front of a train. | Tonight is the night I do it.
I have a plan for how to end it. | I keep staring at the knives and thinking about using them on myself.
I cut myself again. | I want to hurt myself. | I burned my skin to feel something. | I hit myself because I hate myself.
I deserve to be in pain, so I hurt myself. | I relapsed and started self-harming again.
"""
HARD_NEGATIVES = """
My phone died. | This workout killed me. | I'm dying to see that film. | I'm dead tired after work.
I could kill for a coffee. | I'm so bored I could die. | This spreadsheet makes me want to die, lol.
I would never hurt myself. | I'm not suicidal. | I don't want to die, I want things to change.
I no longer feel like a burden. | I used to self-harm but I have been clean for years.
I watched a documentary about suicide prevention. | My friend's cat died. | My grandmother passed away.
The character in the book wants to die. | If I have to sit through one more meeting I'll scream.
I cut my finger while chopping onions. | I burned my hand on the oven. | I jumped into the sea with my friends.
I said goodbye to my mum at the airport. | I gave away my old clothes to charity.
I need to pick up my prescription pills. | I'm exhausted and just want to sleep all weekend.
I can't do this job anymore, I'm quitting. | I'm feeling sad but I'll be okay.
I don't want to wake up early tomorrow. | I don't want to go to work tomorrow. | I bought a rope for the garden.
I want to disappear to a beach for a week. | I'm taking my medication every morning as prescribed.
"""
PROTOTYPES, HARD_NEGATIVES = (
    [s for s in re.split(r"\s*[|\n]\s*", block) if s] for block in (PROTOTYPES, HARD_NEGATIVES)
)
_proto_cache: dict = {}


def _embedding_reasons(text: str, index: list[int], spans: list, embed) -> list[str]:
    """Sentences close to a crisis prototype and clearly closer to it than to any hard negative."""
    sents = [_quote(text, index, sp, sp) for sp in spans]
    sents = [s for s in sents if len(s.split()) >= 3][:_MAX_EMBED_SENTENCES]
    if not sents:
        return []
    try:
        protos = _proto_cache[embed]
    except (KeyError, TypeError):
        protos = embed(PROTOTYPES + HARD_NEGATIVES)
        try:
            if len(_proto_cache) > 8:  # callers that build a new callable per call
                _proto_cache.clear()
            _proto_cache[embed] = protos
        except TypeError:  # unhashable callable: recompute next time
            pass
    sims = embed(sents) @ protos.T
    pos, neg = sims[:, : len(PROTOTYPES)].max(axis=1), sims[:, len(PROTOTYPES) :].max(axis=1)
    found = [(p, s) for s, p, n in zip(sents, pos, neg) if p >= EMBED_THRESHOLD and p - n >= EMBED_MARGIN]
    return [f'possible crisis language (similarity {p:.2f}): "{s}"' for p, s in found][:_MAX_REASONS]
