"""Rule tables and embedding prototypes for the crisis detector (psychology/crisis.py).

Every pattern runs on lower-cased text with in-word apostrophes removed ("don’t" -> "dont", "they’d" -> "theyd"),
one sentence at a time. Keep patterns bounded (no unbounded `.*`): entries can be 100,000 characters long.

- RULES: specific phrasings; RULES_BROAD: construction families ("easier/better/a relief + to not be here",
  "store/research/visit + a means") that generalise beyond one wording. Same format; both always run.
- PAIRS: two statements that only count together, across sentences.
- MEANS, RESOLVE, TIMELINE, HOPELESS: weak signals that escalate or complete other hits.
- NEGATION ... RELATIONSHIP: the suppressors behind the check letters.
- PROTOTYPES / HARD_NEGATIVES: what the optional embedding signal compares sentences with.

Write new dev statements into a new crisis_devN.jsonl, score them once before changing anything here
(`python -m psychology.dev_eval --misses` scores every dev set), then tune. Never tune on psychology/tests/*.jsonl.
"""

from __future__ import annotations

import re

NONE, CONCERN, URGENT = "none", "concern", "urgent"

_ME = r"(?:myself|my ?self|myslef|mysef)"
# "sewerslide" and "su1cide" are the spellings people use to get past content filters.
_SUICIDE = r"(?:suicide|sucide|suicde|suiside|su1cide|sewer ?slide)"
_SUICIDAL = r"(?:suicidal|suicidle|sucidal|suicdal|suicidial)"
_WANT = r"(?:(?:want(?:ed|s|ing)?|wish(?:ed)?|ready|need|deserve|waiting|hoping|praying) (?:to|2)"
_WANT += r"|wann?a|wish (?:i|id|i could|i would)|should|feel like)"
_PILLS = (
    r"(?:pills|pils|meds|medication|medicine|tablets|tabs|painkillers|sleeping (?:pills|tablets)|paracetamol"
    r"|ibuprofen|aspirin|codeine|co-?codamol|tramadol|antidepressants|sertraline|citalopram|fluoxetine|amitriptyline"
    r"|mirtazapine|diazepam|zopiclone|insulin|lithium|capsules|prescriptions?)"
)
_GONE = (
    r"(?:died|was dead|were dead|was gone|were gone|di(?:s|ss)app?eared|vanished|didnt exist|killed myself|ended it)"
)
_GUN = r"(?:gun|rifle|shotgun|pistol|firearm|revolver|handgun)"
_HEIGHT = r"(?:bridge|building|car ?park|multi ?-?storey|cliff|tower block|roof|balcony|block of flats|viaduct|ledge)s?"
_CLAUSE_END = r"(?= *(?:$|[,.!?;:]))"
_SENTENCE_END = r"(?= *(?:$|[.!?;]))"  # stricter: the phrase ends its sentence (no comma or colon after it)
# Means, and what people do with them before an attempt: store them up, research them, visit them.
_STORE = (
    r"(?:stockpil\w*|hoard\w*|sav(?:e|ed|es|ing|in) up|saving|stash\w*|hid(?:e|es|ing|den)?|hidd\w*|squirrel\w*"
    r"|accumulat\w*|put(?:ting)?(?: \w+){0,2} aside|set(?:ting)?(?: \w+){0,2} aside|stor(?:ing|ed) up|building up"
    r"|(?:bought|buying|buy|got|getting|picked up) (?:\w+ )?(?:extra|more|another|a second|a third|loads of|lots of"
    r"|a lot of)|count(?:ed|ing)|lin(?:ed|ing) up|laid out|laying out)"
)
_STORE_MEANS = rf"(?:{_PILLS}|rope|noose|ligature|charcoal|{_GUN}|razor blades|blades)"
_RESEARCH = (
    r"(?:googl\w*|research\w*|look(?:ed|ing|s)? up|search\w*(?: for)?|read(?:ing|s)? (?:up )?(?:about|on)"
    r"|watch\w* videos (?:about|on)|forums? (?:about|on)|find(?:ing)? out|found out|work(?:ed|ing)? out|figur\w* out"
    r"|calculat\w*|check(?:ed|ing)?)"
)
_RESEARCH_TOPIC = (
    r"(?:overdos\w*|(?:lethal|fatal|deadly) (?:dose|doses|amount|amounts)|how (?:many"
    r"|much)(?: \w+){0,2} (?:it )?(?:would )?(?:take|kill)|how long (?:it )?(?:takes?|would take"
    r"|does it take) to (?:die|bleed|drown|suffocate|lose consciousness)|methods?\b(?! (?:for|of|in|to (?!die|do it"
    r"|end|go\b)))|ways to (?:die|do it|end it|go)\b|painless|noose|hanging|how to tie a (?:noose|knot)"
    r"|bleed(?:ing)? out|(?:the )?(?:tallest|highest)(?: \w+){0,2} (?:bridges?|buildings?|car ?parks?|cliffs?"
    r"|multi ?storeys?)|how (?:high|tall)(?: \w+){0,3} (?:bridge|building|car ?park|cliff|multi ?storey)|(?:if"
    r"|whether) (?:you|i|a person|someone) (?:can|could|would|will) (?:die|overdose)"
    r"|which (?:\w+ ){0,2}(?:medications?|medicines?|pills|tablets|drugs) (?:are|is|would be) (?:lethal|fatal"
    r"|deadly))"
)
_PLACE = (
    r"(?:bridge|cliffs?|cliff edge|car ?park(?: roof)?|roof|multi ?storey|railway|train tracks|tracks|level crossing"
    r"|river|viaduct|tower block|platform edge)"
)
# "... how easy it would be" ends there or names the act, not "how easy it would be to cycle to work".
_HOW_EASY_END = (  # a conjunction ends the clause in unpunctuated run-ons ("... how easy it would be then i got chips")
    r"(?= *(?:$|[,.!?;]|(?:then|and|but|anyway|so)\b|to (?:just )?(?:jump|step|fall|drop|let go|end|do it|go over"
    r"|slip|lean|climb)))"
)
_EXISTING = r"(?:existing|exsisting|existence|being alive|being a person|being me|being here|breathing|waking up)"

# [((category, level, kind, checks), patterns)]. `kind` drives escalation; `checks` name the suppressors to apply:
# n negation, s the subject must be the writer, a accident, g ordinary farewells and life admin, r relationships,
# m an everyday use of the means (climbing rope, clay shooting, the kids' medicine).
RULES = [
    (
        ("suicidal ideation", URGENT, "ideation", "n"),
        [
            rf"\bkil+(?:ing|ed|in)? ?{_ME}\b|\bkms\b|\b(?:unaliv(?:e|ed|ing)|off|top) (?:myself|me)\b",
            rf"\b(?:hang|hanging|shoot|shooting) {_ME}\b|\bslit(?:ting)? my (?:wrists?|throat)\b",
            r"\b(?:end(?:ing)?|take|taking) my (?:own )?life\b|\bend(?:ing)? it all\b",
        ],
    ),
    (
        ("suicidal ideation", URGENT, "ideation", "ns"),
        [
            rf"\b{_WANT}(?: just| really| honestly| fucking)? (?:die|be dead)\b",
            rf"\b(?:feel|feeling|feelin|felt|im|am|been|getting|got)(?: so| really| very| pretty| quite)? {_SUICIDAL}\b",
            rf"\b(?:having|had|have|get|getting|my) {_SUICIDAL} (?:thoughts|feelings|urges)\b",
            rf"\b(?:commit(?:ting)?|attempt(?:ing|ed|s)?|consider(?:ing|ed)?|contemplat(?:e|ed|ing)"
            rf"|plan(?:ning)?) {_SUICIDE}\b",
            rf"\b(?:think(?:ing)? (?:about|of)|thought about|thoughts of) {_SUICIDE}\b"
            r"(?! (?:prevention|awareness|rates?|risk|hotline|helpline|squad|research))",
            rf"\b{_SUICIDE} is the (?:only )?(?:way|answer|option)\b",
        ],
    ),
    # --- passive ideation: wishing not to exist, no way out, sleeping forever ---
    (
        ("passive suicidal ideation", CONCERN, "ideation", "nse"),
        [
            r"\b(?:dont|never|do not) (?:really |even )?(?:want|wanna|wish)(?: to)? (?:live|be alive|exist|wake up"
            r"|be here (?:anymore|any ?more)|be here$|do (?:life|this life)|be on this earth|be in this world"
            r"|be a person|keep living|keep existing|go on living|carry on living)\b(?! (?:forever|like this|early"
            r"|so early|at|before|until|til|with|in(?! (?:this world|it)\b)|there|on)\b)",
            r"\b(?:want(?:s|ed)?|wanna|wish(?:es|ed)?) (?:to )?(?:stop (?:existing|living|being alive|breathing"
            r"|waking up)|not (?:be alive|exist|be here anymore|wake up))\b",
            r"\bwish(?:ing|ed|es)? (?:that )?my life would (?:just |simply )?(?:end|stop|be over)\b",
            r"\bdont deserve to (?:live|be alive|exist)\b|\bhate being alive\b|\b(?:done|finished) with (?:existing"
            r"|existence|life|living|being alive)\b",
            r"\b(?:dying|death) (?:doesnt|does not|wouldnt|no longer) (?:scare|frighten) me\b",
            r"\bwaste of (?:space|oxygen)\b",
            rf"\bif i (?:just )?(?:{_GONE}|wasnt (?:here|around|alive)|werent (?:here|around|alive))\b"
            r"(?! (?:to|for|on|at|in|when|from|with)\b)",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "nse"),
        [
            rf"\b(?:tired|tird|tierd|sick|exhausted|weary|fed up) (?:of|with|from) {_EXISTING}\b"
            r"(?! (?:on|as|off|without|for|at|with|admin|up early)\b|(?: in (?!this (?:body|life|world)\b)))",
            r"\bwish(?:ing|ed|es)? (?:that )?(?:i|id) (?:simply |just |honestly |really )?(?:wasnt|werent|was not"
            r"|were not)(?= *(?:$|[,.!?;]|alive|born|here any ?more|around any ?more|in this world|on this earth"
            r"|any ?more|at all|a person|real))",
            r"\bwish(?:ing|ed|es)? (?:that )?(?:i|id) (?:simply |just )?(?:didnt|did not|never|could not"
            r"|couldnt) exist",
            r"\bwish(?:ing|ed|es)? (?:that )?(?:i|id) could (?:just |simply )?(?:cease to exist|stop existing"
            r"|not exist|be erased|be wiped (?:out|away)|evaporate|fade away|vanish|di(?:s|ss)app?ear)(?= *(?:$"
            r"|[,.!?;]|forever|for good|completely|permanently|and (?:never|not|nobody|no one|noone)|so (?:nobody"
            r"|no one|noone)|without a trace|off the face))",
            r"\b(?:want|wanna|wish|like|rather|prefer|need)(?: to)? (?:just |simply )?(?:not|no longer) (?:be"
            r"|being) (?:here|around|alive|in this world|on this earth|a person)\b(?! (?:when|for|while|at|if|during"
            r"|them|him|her|people|tonight|today|this|next|with|on|in)\b)",
            r"\b(?:just |only )?waiting (?:to die|for (?:death|the end|it all to end)|to not exist)\b",
            r"\b(?:cease|ceased|stop|stopped) (?:being|existing)" + _CLAUSE_END,
            r"\b(?:not sure|dont know if|unsure (?:if|whether)|dont think|no longer sure|not certain) i (?:even "
            r"|really )?(?:want|wanna)(?: to)? (?:be alive|live|be here|keep living|go on|exist|stay alive"
            r"|keep going)(?= *(?:$|[,.!?;]|any ?more|much longer|like this|for much longer|any longer))",
            r"\b(?:cant|cannot|can not) (?:keep|go on|carry on) (?:living|existing"
            r"|going) like this\b.{0,40}\b(?:dont|do not) (?:think i |really )?(?:want|wanna) to\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "nse"),
        [
            r"\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|pray(?:s|ed|ing)?) (?:that )?(?:i|id"
            r"|i would) (?:just )?(?:dont|never|wouldnt|wont|do not|didnt|not) wake up\b(?! (?:late|early|in time"
            r"|on time|before|until|till|at)\b)",
            r"\b(?:wouldnt mind|would(?:nt)? care|be (?:okay|ok|fine|glad|happy|relieved)|dont care"
            r"|wont care) if i (?:didnt|never|dont|did not) (?:wake|woke) up\b",
            r"\bnever (?:have to )?(?:wake|woke) up (?:again|ever|any ?more|to this)\b",
            r"\b(?:sleep|asleep) (?:(?:forever|4ever) )?(?:and|n|&) (?:never|not) wake up\b",
            r"\b(?:want(?:ed)?(?: to)?|wanna|wish (?:i could|to)|would like to|id (?:like|love) to"
            r"|just) (?:just )?(?:go to |fall |be )?(?:sleep|asleep) (?:forever|for ever|4ever|permanently|for good)\b"
            r"(?! (?:this|at|on|after|over|til|till|until|tomorrow|tonight|today)\b)",
            r"\b(?:go to sleep|fall asleep|sleep|close my eyes|drift off) (?:and|&|n) (?:just )?(?:stay asleep"
            r"|stay that way|never (?:have to )?(?:wake|open)|not (?:have to )?(?:wake|open)|never come back)\b",
            r"\bwish (?:i|id) (?:was|were|could be|had been|been) dead\b(?! (?:rich|serious|tired|lucky|good)\b)",
            r"\bwish(?:ing|ed|es)? (?:i|id) (?:had |was |were )?never (?:been born|born|existed)\b|\bwish(?:ing|ed"
            r"|es)? (?:i|id) wasnt born\b",
            r"\bbetter off dead\b|\brather be dead\b",
            r"\b(?:wish|hope|pray)\w* (?:\w+ ){0,3}would (?:just )?(?:hit|kill|run over|take) me\b",
            r"\b(?:wish|hope|pray|want)\w* (?:that )?(?:a |the |some )?(?:car|bus|lorry|truck|train|van|someone"
            r"|somebody) (?:would |will |could )?(?:just )?(?:hits? me|kills? me|runs? me over|runs? over me"
            r"|takes? me out)\b",
            r"\b(?:wish|hope|pray|want)\w*(?: that)? i (?:would |could |will )?(?:get|got|be|was) (?:hit|run over"
            r"|killed) (?:by|in)\b",
            r"\b(?:wish|hope|pray)\w* (?:that )?(?:the|my) (?:plane|car|bus|train|flight) (?:crashes|would crash)\b",
            r"\b(?:wish(?:ed)?|want(?:ed|s)?|wanna) (?:i could |to )?(?:just )?di(?:s|ss)app?ear (?:forever|for good"
            r"|permanently)\b",
            r"\b(?:want(?:ed)?|wanna|wish(?:ed)?|like|need)(?: to| i could)? (?:just )?(?:di(?:s|ss)app?ear|vanish"
            r"|go away|fade away|fade out)(?: \w+){0,2} (?:and (?:never|not) (?:come back|return|be found|be seen)"
            r"|and (?:nobody|no one|noone) would|forever|for good|permanently|without a trace"
            r"|off the face of the earth|for ever)\b",
            r"\bdi(?:s|ss)app?eared forever\b",
            r"\b(?:want|need|wait for|waiting for) (?:it all|everything|all of (?:it|this)|this|the pain|this pain"
            r"|it) (?:all )?to (?:end|stop|be over) (?:forever|permanently|for good)\b",
            r"\bwant (?:everything|it all|all of it) to end\b",
            r"\b(?:wont|will not|not going to) be alive (?:by|for|to see|next|in|much)\b",
            r"\b(?:no|(?:cant|cannot|can not|dont|do not) (?:see|find) (?:a|any|the)) (?:way out|escape|exit"
            r"|way forward|light at the end(?: of (?:the|this) tunnel)?)(?: (?:of|from) (?:this|it|here|this life"
            r"|my life|my head|this feeling|this pain|this hell|this hole|this pit|this darkness))?(?= *(?:$|[,.!?;]"
            r"|and\b|for me|any ?more|at all|except|other than|left|in sight|but (?:one|death|dying|to)))",
            r"\bonly (?:way out|exit|escape|option|solution|answer)(?: left)? (?:is|would be"
            r"|seems to be) (?:to )?(?:not (?:be|being) (?:here|alive|around)|not exist(?:ing)?|di(?:s|ss)app?ear\w*"
            r"|leave for good|end it|sleep forever|stop existing)\b",
            r"\b(?:world|everyone|everybody|life|my family) (?:to |would |will |could |can |should )?(?:just )?(?:go"
            r"|carry|move) on without me\b(?! (?:for|while|at|tonight|today|this|next|till|until)\b)",
            r"\b(?:world|life|everything|everyone|everybody|my family"
            r"|things) without me (?:in it )?(?:\w+ ){0,2}(?:looks|seems|would be|is|feels) (?:so much |much |a lot "
            r"|way )?(?:better|happier|easier|lighter|calmer)\b",
            r"\b(?:hope|wish|pray)\w* (?:that )?(?:this|today|tonight|it) (?:is|was|will be|would be) (?:my"
            r"|the) (?:last|final) (?:night|day|sunrise)\b(?! (?:at|of|in|with|before|here|off)\b)",
            r"\b(?:hope|hoping|pray\w*) i (?:dont|do not|never|wont) make it (?:through|to|past) (?:the night"
            r"|tomorrow|morning|another|the week|christmas|my birthday|\d+|thirty|forty|fifty|old age|next year)",
            r"\bnever (?:have to )?feel anything (?:ever )?again\b",
            r"\b(?:dont think|doubt|not sure) (?:that )?(?:ill|i will|im going to|i can) (?:make it|last|be (?:here"
            r"|around|alive)) (?:to|till|until|through|past) (?:christmas|my birthday|new year|the new year"
            r"|next year|spring|summer|another (?:year|month|week))\b",
            r"\b(?:scared|afraid|terrified|frightened) of waking up\b(?! (?:early|late|at|for|in|on|to)\b)",
            r"\b(?:death|dying|being dead)\b.{0,40}\bhow (?:to|i could|i would|i can) (?:get there|do it"
            r"|make it happen)\b",
            r"\b(?:imagin\w*|pictur\w*|fantasi[sz]\w*|think\w* about|dream\w* about) (?:\w+ ){0,3}(?:my"
            r"|at my) (?:own )?funeral\b",
            r"\bpretend\w* (?:that )?(?:i )?(?:want to|wanna) (?:be alive|live|be here|exist)\b",
            r"\b(?:world|life|everything) to stop and let me (?:off|out|go)\b",
            r"\b(?:existing|being alive|living|life|being me) (?:hurts|is (?:too )?painful|is unbearable"
            r"|is agony)\b.{0,40}\bwant (?:it|this|that) (?:all )?to (?:stop|end|be over)\b",
            r"\b(?:no|(?:whats|what is) (?:even )?the) point (?:to|in|of) (?:me )?(?:being alive|staying alive"
            r"|existing|me being (?:here|alive|around)|my (?:life|existence)|me)(?= *(?:$|[,.!?;]|any ?more|at all"
            r"|honestly))",
            r"\b(?:no|(?:cant|cannot|dont) see (?:any|a|the)) (?:reasons?|point) (?:to|in) (?:go(?:ing)? on|liv(?:e"
            r"|ing)|keep(?:ing)? (?:going|living)|be(?:ing)? (?:here|alive)|stay(?:ing)? alive|stay|stick around"
            r"|carry(?:ing)? on)\b(?! with| in| at| for| late| up| home)",
            r"\bnothing (?:left )?to live for\b|\bwhy (?:should|would|do) i (?:keep|go on|bother) (?:living"
            r"|being alive)\b",
            r"\b(?:whats|what is) (?:even )?the point (?:of|in) (?:living|being alive|going on|life|existing)\b",
            r"\b(?:tired|sick) of (?:living|life)\b(?! (?:admin|in|on|as|at|with)\b)",
            r"\blife (?:isnt|is not|aint|is no longer) worth (?:living|it)\b(?! without)",
            r"\b(?:cant|cannot|can not|dont think i can|can no longer) (?:go on|keep going"
            r"|carry on)(?= *(?:like this|anymore|any ?more|living|$|[,.!?]))",
            r"\bthink(?:ing)? about (?:dying|being dead|not existing|not waking up)\b",
            r"\b(?:dying|being dead|death) would be (?:a |such a )?(?:relief|easier|better|peaceful)\b",
            r"\b(?:only|best) (?:way|option|answer)\b(?: \w+){0,6} is (?:to die|death|dying|suicide)\b",
            r"\bway out except (?:dying|death)\b|\bwant out of (?:this )?life\b|\bfeel like dying\b",
            r"\b(?:disappointed|upset|angry) (?:that )?im still (?:alive|here|breathing)\b",
            r"\b(?:fantasi[sz]\w*|dream\w*|thinking) about my (?:own )?(?:death|funeral|suicide)\b",
            r"\bdeserve (?:to (?:be hurt|suffer|feel pain)|pain|the pain)\b",
            r"\b(?:take|taking|took) myself out of (?:the equation|the picture|their lives|everyones lives)\b"
            r"|\bremove myself (?:from (?:the equation|the picture|their lives|everyones lives|this world|existence)"
            r"|permanently|for good)\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "nr"),
        [
            r"\b(?:im|i am) ending it\b",
            r"\bend(?:ing)? it(?= *(?:tonight|today|tomorrow|now|soon|(?:this|next) (?:weekend|week)|$|[,.!?]))",
            r"\bend(?:ing)? (?:things|everything)\b(?! (?:with|between))",
        ],
    ),
    (
        ("hopelessness", CONCERN, "ideation", "n"),
        [
            r"\b(?:cant|cannot|dont) see (?:a|any) future\b(?! (?:with|in)\b)",
            r"\b(?:cant|cannot|can no longer|dont want to) (?:keep )?fight(?:ing)?(?: this| it)?(?= *(?:anymore|$"
            r"|[,.!?]))",
        ],
    ),
    # --- burden: "they'd be better off", "won't be a problem much longer" ---
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:better|happier|easier|fine|okay)\b(?: \w+){0,3} without me\b(?! (?:for|while|on|at|this|next"
            r"|today))",
            r"\b(?:doing|do) (?:everyone|everybody|them|the world) a favou?r (?:by|if i)\b",
            r"\b(?:nobody|no one|noone) (?:would|will|is going to) (?:even )?miss me\b",
            r"\b(?:im|am|feel|feeling|being|become|becoming)(?: like)?(?: just| only| nothing but| such| so much of"
            r"| always)? (?:a |such a )?(?:huge |massive |big |total |constant )?burden\b(?! (?:when|whenever"
            r"|if|because|cos|since|as) i (?:keep )?(?:ask|need|call|have to))",
            r"\bburden (?:to|on|for) (?:everyone|everybody|my family|them all|the people i love)\b",
            r"\b(?:better off|happier|easier|lighter|freer)\b(?: \w+){0,4} (?:if i (?:just )?(?:wasnt|werent|was not"
            r"|were not|didnt exist|was gone|were gone|am gone|di(?:s|ss)app?eared|left for good|died|was dead)"
            r"|with(?:out)? me gone|without me (?:around|here|in (?:the|their) (?:picture|lives|way)))\b(?! (?:for"
            r"|on|at|to|this|next|today|tonight)\b)",
            r"\b(?:theyd|theyll|they would|they will|everyone would|everybody would|everyoned|everyonell"
            r"|my family would|my kids would|the kids would|people would|youd|you would|shed|she would|hed|he would"
            r"|my \w+ would)(?: all| honestly| really| genuinely| probably| definitely| just)*(?: be)? (?:so much "
            r"|much |way |a lot )?better off(?= *(?:$|[,.!?;]|honestly|really|anyway|though|tbh|im sure|i know"
            r"|without (?:me|my)|if i|when i|once i|after i|with me gone|with(?:out)? (?:a|an"
            r"|another) (?:\w+ )?(?:who isnt me|other than me)|with no (?:mum|mom|dad|mother|father|me)))",
            r"\b(?:im|i am|feel like|being|just|such|only|nothing but)(?: (?!not\b|never\b|no\b)\w+){0,2} (?:a "
            r"|such a )?(?:weight|millstone|drain|dead weight|albatross|anchor|burden|problem|nuisance"
            r"|waste of space) (?:around|round|on|to|for) (?:everyones?|everybodys?|their|my familys?|them"
            r"|the people|you all|my (?:family|parents|friends|kids|partner|wife|husband))\b",
            r"\b(?:and )?then (?:nobody|no one|noone) (?:has|will have|needs?|will need"
            r"|would have) to (?:worry about|deal with|look after|take care of|put up with) me\b|\b(?:nobody|no one"
            r"|noone) (?:will )?(?:ever )?(?:has|have|needs?) to (?:worry about|deal with|put up with) me (?:again"
            r"|any ?more|ever again)\b",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "ng"),
        [
            r"\b(?:better off|happier|fine|okay|alright|relieved|move on|get over it)\b(?: \w+){0,3} (?:once|when"
            r"|after|if) im (?:gone|dead|not (?:here|around)(?: any ?more)?|no longer (?:here|around))\b(?! (?:for"
            r"|on|to|from|this|next|away|abroad|a|two|three|\d+|the|at|in|out)\b)",
            r"\bwont be (?:a |anyones |anybodys |your |their |such a )?(?:problem|burden|bother|nuisance|worry"
            r"|trouble|weight|drain)(?: (?:for|to|on) (?:anyone|anybody|you|them|everyone|anyone else"
            r"|my family))? (?:much |for much |any ?)?(?:longer|soon|for long|much more)\b|\bwont be (?:anyones"
            r"|anybodys) (?:problem|burden|worry)\b",
            r"\b(?:soon|shortly)\b(?: \w+){0,2} (?:wont|will not|not) be (?:anyones|anybodys|your|their"
            r"|a) (?:problem|burden|worry|weight|drain|nuisance)\b",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "nr"),
        [
            r"\b(?:deserve|deserves|deserved) (?:so much |much |way )?(?:better|more"
            r"|someone better) than (?:having )?me\b",
        ],
    ),
    # --- goodbyes and putting affairs in order ---
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:wont|will not|not going to) be (?:around|here) (?:much |for much |for )?(?:longer|long)\b",
            r"\bwont be around to\b|\bif im (?:gone|dead|not here) tomorrow\b",
            r"\b(?:said|saying|say|written|wrote|writing|write) (?:my )?(?:\w+ )?(?:goodbyes?|farewells?|letters"
            r"|notes) to (?:everyone|everybody|all)\b",
            r"\b(?:said|say|saying) (?:all )?my goodbyes\b(?! to)",
            r"\bthis is (?:my )?goodbye\b|\b(?:goodbye|farewell) (?:letters?|notes?|messages?|texts?|emails?"
            r"|videos?)\b",
            r"\b(?:my|the) (?:note|notes|letters?|will) (?:is|are) (?:written|done|ready|sorted|finished|sealed"
            r"|in an envelope)\b|\bwho gets my (?:things|stuff)\b",
            r"\b(?:giving|gave|give|given) (?:away (?:almost |nearly )?(?:all |most )?(?:of )?my (?:things|stuff"
            r"|belongings|possessions|clothes|books|records|jewellery|games)\b|(?:all )?my (?:things|stuff"
            r"|belongings|possessions) away\b|away (?:almost |nearly )?everything i own\b)",
            r"\bwont need (?:them|it|my \w+) (?:where im going|anymore|soon|much longer)\b",
            r"\b(?:the|my) last (?:thing|entry|words?) (?:ill|i will|im going to) (?:ever )?write\b",
            r"\b(?:wrote|written|writing) (?:letters|notes|a letter|a note)\b.{0,60}\bjust in case\b",
            r"\b(?:started|been|keep) saying goodbyes?\b|\b(?:note|letter) .{0,30}explaining why\b",
            r"\bmade sure (?:everyone|everybody|they|the kids|my \w+) (?:will be|is|are) (?:looked after"
            r"|taken care of)\b",
            r"\bmade sure (?:\w+ ){0,3}(?:will|would|can|is going to|gets to) (?:go|be going|go to|be looked after"
            r"|be taken care of|be fed|be okay|be ok|be fine|be alright|be cared for"
            r"|have a (?:good )?home)\b(?! (?:\w+ ){0,3}(?:while|during|for the (?:week|weekend|day|night)"
            r"|when im (?:away|on|at)|tomorrow|tonight))",
            r"\b(?:letters?|notes?|messages?)\b(?: \w+){0,6} (?:for (?:after|when) im gone|to (?:be )?(?:read"
            r"|open(?:ed)?) (?:after|when) im gone|explaining (?:why|everything|it all))\b",
            r"\b(?:the )?(?:messages?|notes?|letters?|videos?) (?:ill|i will|im going to|i want to|i plan to) leave\b",
            r"\b(?:wrote|written|writing|finished|left|sealed|hid|hidden) (?:the|my|all the|all my) (?:notes"
            r"|letters)\b(?= *(?:$|[,.;!?]| (?:theyre|are|and|for everyone|to everyone|in|today|tonight"
            r"|this (?:morning|afternoon|evening)|last night|yesterday)\b))",
            r"\b(?:this (?:is|will|might|may)(?: probably| likely| well| definitely)?(?: be)?|probably) (?:the|my) (?:last|final) (?:time (?:ill"
            r"|i will|im going to|i) (?:ever )?(?:write|post|be writing|journal)|entry|post"
            r"|page)\b(?! (?:\w+ ){0,4}(?:before|until|till|for (?:a|the|two|\d+)|this (?:week|month|year)|of (?:the"
            r"|this)|in this (?:notebook|journal|book)))",
            r"\bnothing (?:i own|i have) (?:matters|will matter|means anything) (?:now|any ?more|where im going)\b",
            r"\b(?:left|leaving|leave|wrote down|written down|writing down) (?:all )?(?:my |the )?(?:passwords|pins"
            r"|pin numbers|bank details|logins?|login details|account details)\b(?! (?:at|on|in)\b)"
            r"|\bpasswords\b.{0,40}\b(?:left|leave|leaving) (?:them|it|a list) (?:for|with)\b",
            r"\b(?:put|putting|get|getting|got|sorting|sorted) (?:all )?my affairs (?:in order|sorted|straight)\b"
            r"|\b(?:tidy\w*|tidied|settl\w*|arrang\w*|sort\w*) (?:up |out )?(?:all )?my affairs\b",
            r"\b(?:clos\w*|cancel\w*|delet\w*|shut\w* down) (?:all )?(?:of )?(?:my )?(?:subscriptions|(?:bank "
            r"|social media |online )?accounts)\b(?=.{0,60}\b(?:tidy|for (?:them|my family|whoever)|afterwards"
            r"|so (?:nobody|no one|noone|they|its easier|theres less)|easier for))",
            r"\bso (?:nobody|no one|noone|they|nobody else|my \w+|mum|dad) (?:has|have|will have|needs?|wont have"
            r"|doesnt have) to (?:deal with|sort out|clean up|go through|sort through) (?:\w+ ){0,3}(?:after"
            r"|afterwards|when im gone|once im gone)" + _CLAUSE_END,
            r"\b(?:wrote|written|writing|write|made|making|make|updated|updating|update|finished|finalis\w*"
            r"|finaliz\w*|drafted|drafting|done|did|sorted(?: out)?|signed) (?:up )?(?:my|a) (?:own )?(?:will"
            r"|last will(?: and testament)?)\b(?! (?:power|to live|to survive|to carry on|be)\b)",
            r"\b(?:left|leaving|wrote|written|writing) (?:clear |detailed )?(?:instructions|a list|notes?) (?:for"
            r"|about) (?:(?:the|my) )?(?:cat|cats|dog|dogs|pets?|plants|kids|funeral"
            r"|whoever finds me)\b(?! ?(?:sitter|feeder|walker|minder|while|for the (?:week|weekend)))",
            r"\b(?:planned|planning|plan|chose|chosen|picked|picking|choose) (?:the )?(?:music|songs?|readings?"
            r"|hymns?|flowers) for my (?:own )?funeral\b|\bplann(?:ed|ing) my (?:own )?funeral\b",
            r"\b(?:told|texted|messaged|called|rang|wrote to) (?:everyone|everybody|all the people"
            r"|the people) i love (?:tonight |today |this evening )?to (?:tell|say)(?: them)? (?:i love them|goodbye"
            r"|how much i love them)\b",
            r"\b(?:gave|given|giving|give|rehom\w*|found (?:a )?new homes? for) (?:away )?my (?:dog|cat|pets?|rabbit"
            r"|hamster|bird|parrot|puppy|kitten)\b",
            r"\b(?:picked|chosen|chose|set|decided on|settled on|fixed|marked|circled) (?:a|the|my) (?:date"
            r"|day)\b(?= *(?:$|[,.!?;]|now|already|last (?:night|week)|this (?:morning|week)|yesterday|today|and"
            r"|for it|for when))",
            r"\bdecided (?:that )?(?:its|it is|it will be|itll be|its going to be|it has to be|it should be) (?:on"
            r"|at|this|next|tonight|tomorrow|before|after|the (?:day|night|weekend))\b",
            r"\b(?:this|next|tonight|today|tomorrow|sunday|monday|tuesday|wednesday|thursday|friday"
            r"|saturday)(?: \w+)? (?:will be|is going to be|is|would be|has to be) (?:my |the )?(?:last"
            r"|final) (?:one|weekend|sunrise|christmas|birthday|night)(?= *(?:$|[,.!?;]|ever|for me))",
            r"\bif (?:youre|you are|ur|anyone is|someone is|somebody is) reading this\b(?=.{0,60}\b(?:sorry|love you"
            r"|forgive|gone|dont blame|goodbye|too late))",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            r"\b(?:letters?|notes?|messages?|cards?|emails?|texts?|videos?)\b(?: \w+){0,6} so (?:they|she|he|you"
            r"|everyone|my \w+|mum|dad)(?: will| would|ll|d)? (?:understands?|know why|knows why|know it wasnt"
            r"|not blame|dont blame|wont blame|can understand|forgive me)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "g"),
        [
            r"\bplease (?:dont|do not|never|try not to) blame yourselv?(?:es|f)\b",
            r"\bletters?\b.{0,40}\bsorry for (?:leaving|going|what im about to do|everything)\b",
            r"\b(?:ive |i have )?made (?:my )?peace(?= *(?:$|[,.!?;]| with (?:it all|everything|dying|death|leaving"
            r"|going)))",
        ],
    ),
    # --- self-harm ---
    (
        ("self-harm", URGENT, "selfharm", "na"),
        [
            r"\b(?:cut(?:ting|s)?|slash(?:ed|ing)?|carv(?:e|ed|ing)|burn(?:ed|t|ing)?|hurt(?:ing)?|harm(?:ed|ing)?|"
            rf"punch(?:ed|ing)?|hit(?:ting)?|starv(?:e|ed|ing)|scratch(?:ed|ing)?) {_ME}\b"
            r"(?! (?:a|some|another) (?:slice|piece|bit|break)| some slack| off\b)",
            r"\b(?:cut|cutting|carv(?:e|ed|ing)|slic(?:e|ed|ing)|slash(?:ed|ing)?|burn(?:ed|t|ing)?|scratch(?:ed"
            r"|ing)?) (?:into )?my (?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b",
            r"\buntil (?:it|they|i) (?:bleed|bled|bruise)|\bbled because i deserve\b|\bwant to bleed\b",
            r"\bpunish(?:ing)? myself (?:by|with) (?:cutting|hurting|burning|starving|hitting)\b",
            r"\bby cutting(?= again|\s*$|\s*[,.!?])",
        ],
    ),
    (
        ("self-harm", URGENT, "selfharm", "ns"),
        [
            r"\b(?:i|im|ive|been|started|start|keep|kept|still|again|to|wanna|my) self[ -]?(?:harm(?:ing|ed)?"
            r"|injur(?:e|ing|ed))\b",
            r"\burges? to (?:cut|burn|hurt|harm|self)",
            r"\b(?:want(?:ed)? to|wanna|need to|going to|gonna) (?:cut|burn)(?= again|\s*$|\s*[,.!?]| so\b| tonight)",
            r"\b(?:been|started|start|keep|kept) cutting(?= again\b| myself|\s*$|\s*[,.!?;]| and)|\bcutting again\b",
            r"\b(?:i|ive) cut again\b",
            r"\brelaps(?:e|ed)\b(?=.{0,80}\b(?:cut|self[ -]?harm|blade|razor))|\bcut myself\b.{0,80}\brelaps",
        ],
    ),
    (
        ("self-harm", CONCERN, "selfharm", "n"),
        [
            r"\b(?:hid(?:e|ing)?|cover(?:ed|ing)?) (?:up )?(?:the |my )?(?:fresh |new )?(?:marks|scars|cuts|burns"
            r"|wounds)\b",
            r"\b(?:fresh|new) (?:cuts|wounds)\b|\b(?:took|take|taking|got) (?:the|my) (?:blade|razor|blades) out\b",
        ],
    ),
    # --- plans and means ---
    (
        ("plan or means", URGENT, "plan", "n"),
        [
            r"\bnoose\b|\bsuicide (?:note|letter|plan)\b|\bplan(?:ning|ned)? my (?:own )?(?:suicide|death)\b",
            r"\b(?:take|took|taking|swallow(?:ed|ing)?) (?:all|a handful|too many|a bunch) "
            rf"(?:of )?(?:my |the )?{_PILLS}\b",
            rf"\b(?:take|swallow|down)\w* (?:the )?(?:whole|entire) (?:bottle|packet|pack|box) of {_PILLS}\b",
            r"\b(?:think(?:ing)? (?:about|of)|thought (?:about|of)|imagin(?:e|ing)|pictur(?:e|ing)"
            r"|plan(?:ning)? (?:to|on)|going to|gonna|want(?:ed)? to|about to"
            r"|how easy it would be to) (?:\w+ ){0,2}(?:jump(?:ing)?|step(?:ping)?|throw(?:ing)? myself|overdos(?:e"
            r"|ing)|od(?:ing)?|driv(?:e|ing)(?: my car)? (?:off|into)|walk(?:ing)? (?:out )?into (?:the sea"
            r"|the ocean|the river|traffic))\b(?! (?:in|into) the (?:sea|pool|lake)|(?: \w+){0,3} (?:window|pool))",
            r"\b(?:ill|i will|id|i could) (?:just )?(?:jump|step|throw myself) (?:off|from|in front of"
            r"|under) (?:\w+ ){0,2}(?:bridge|roof|building|balcony|cliff|train|tower|ledge|motorway)\b",
            r"\b(?:just|could) (?:step|jump|walk) (?:off|in front of|into traffic)\b",
            r"\b(?:sitting|standing|sat|stood) (?:on|at) (?:the )?(?:edge|ledge) of (?:the|a|my) (?:roof|bridge"
            r"|building|balcony|platform)\b",
            r"\b(?:painless|quick|easy|quickest|best) (?:ways?|methods?) to die\b|\bhow (?:many"
            r"|much) .{0,40}to overdose\b",
            r"\b(?:have|got|made) a plan (?:to (?:end|kill|die|do it)|and i know)\b|\bplan is to do it\b",
            r"\bcounting (?:my |the )?(?:pills|tablets)\b|\b(?:have|got) (?:the|my|enough) (?:pills|tablets"
            r"|rope) ready\b",
            r"\b(?:take|taking|took|swallow\w*) every (?:pill|tablet)\b|\balmost (?:stepped|jumped) (?:off|in front)\b",
            r"\b(?:razor|blade|knife) (?:against|to|on|into) my (?:wrists?|arms?|skin|throat|thighs?)\b",
            r"\b(?:know|planning|planned|worked out|figured out|decided|picked|thought about"
            r"|thinking about) (?:exactly )?(?:how|when|where) (?:im going to|id|i would|i will|ill) do it\b(?! *:)",
            r"\b(?:use|using|used|turn|turning|point|pointing) (?:it|them|that|the \w+|a \w+) on myself\b",
            r"\b(?:nobody|no one|noone) (?:will|is going to|would) (?:find out|know|notice|find me) (?:until"
            r"|till) (?:after|its too late|it(?:s| is) over|the morning)\b",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            r"\b(?:stockpil\w*|hoard\w*|sav(?:e|ed|es|ing|in)|stash\w*|hid(?:e|es|ing|den)?|hidd\w*|squirrel\w*"
            r"|gather\w*|accumulat\w*|build\w* up|putting aside|put aside|setting aside|set aside|keeping back"
            r"|kept back) (?:up |away |aside |back )?(?:(?:all|some|enough|more|extra|a few|any|loads|lots|a lot"
            r"|a stash|a supply|a bunch) (?:of )?)?(?:my |the |her |his |their |\w+s |these |those )?(?:own |old "
            r"|extra |spare |leftover "
            rf"|\w+ )?{_PILLS}\b",
            rf"\bcollect(?:ing|ed)? (?:up )?(?:my |the |all the |\w+s )?(?:\w+ )?{_PILLS} (?:in|under|for|until|over)\b"
            r"(?! the (?:pharmacy|chemist|surgery|hospital))",
            rf"\b{_PILLS}\b(?: \w+){{0,2}} (?:saved|stashed|stockpiled|hidden|hoarded|collected|squirrelled|put aside"
            r"|tucked away)\b|\bstash(?:ed)? (?:of )?(?:my )?" + _PILLS + r"\b",
            rf"\b(?:got|have|had|collected|saved|there are|theres) enough (?:\w+ )?{_PILLS}\b"
            r"(?! (?:for|to last|until|till|left for)\b)",
            rf"\b{_PILLS} (?:are |were )?(?:all )?(?:lined up|laid out|spread out|counted out|in a (?:pile|row"
            rf"|line))\b|\b(?:lin(?:ed|ing) up|laid out|laying out|count(?:ed|ing) out) (?:all )?(?:my "
            rf"|the )?(?:\w+ )?{_PILLS}\b",
            r"\bstar(?:e|ed|ing) at (?:the |my |a |all (?:the|my) )?(?:bottle of |box of |packet of |pile of )?"
            rf"{_PILLS}\b|\b{_PILLS}\b.{{0,60}}\bstar(?:e|ed|ing) at (?:them|it)\b",
            rf"\ball (?:of )?my (?:\w+ )?{_PILLS} (?:on|in front of|next to|beside|lined up|laid out|out on)\b"
            rf"|\b(?:vodka|whisky|whiskey|alcohol|booze|gin)\b.{{0,40}}\ball (?:of )?my (?:\w+ )?{_PILLS}\b",
            rf"\b{_PILLS}\b.{{0,80}}\bso (?:they|the pharmacist|the chemist|the shop|nobody|no one|noone|the doctor) "
            r"(?:wouldnt|wont|didnt|would not|will not|doesnt|dont) (?:ask|notice|suspect|question|get suspicious"
            r"|know)\b",
            r"\b(?:filled|refilled|got|collected|ordered|picked up) (?:my )?(?:prescription|repeat prescription"
            r"|repeat|meds|pills|tablets) early\b.{0,60}\b(?:enough|extra|spare|so i (?:have|had|can))",
            rf"\bstopped taking (?:my )?{_PILLS}\b.{{0,40}}\b(?:keep|keeping|saving|save|stor\w*|hid\w*|collect\w*)\b",
            r"\b(?:look(?:ed|ing)? up|googl\w*|search\w*|research\w*|check\w*|read about|reading about|work(?:ed"
            r"|ing)? out|calculat\w*|figur\w* out|find out|found out|know|knowing|wonder\w*) (?:the |what (?:the "
            r"|a )?|what is (?:a |the )?|how much (?:is )?(?:a |the )?)?(?:lethal|fatal|deadly|toxic"
            r"|overdose) (?:dose|amount|quantity)",
            rf"\bhow (?:much|many)(?: (?:of (?:them|those|these|my \w+)|(?:\w+ )?{_PILLS}))? (?:it )?(?:would |will |d "
            r"|does it |do i |would i |i(?:d| would| will)? )?(?:it )?(?:take|takes|need|be enough|kill)\b(?= *(?:$"
            r"|[,.!?;]|to (?:die|end it|kill|do it|be fatal|overdose|not wake|go)))",
            r"\bhow long (?:it )?(?:takes|does it take|would it take|it would take|to) (?:to )?(?:die|bleed out"
            r"|drown|suffocate|lose consciousness|pass out)\b|\bbleed(?:ing)? out\b",
            r"\b(?:googl\w*|look\w* up|research\w*|search\w*|figur\w* out|work\w* out|how (?:to|i could|could i"
            r"|can i)) (?:how to )?make it (?:look|seem) like an accident\b",
            r"\b(?:research\w*|read\w* (?:up )?(?:about|on)|look\w* (?:up|into|at)|googl\w*|search\w* (?:for|up)?"
            r"|compar\w*|watch\w* videos (?:on|about)|forums? about) (?:different |suicide |painless |quick "
            r"|possible |the )?(?:methods|ways to (?:die|do it|go|end it)|(?:the )?(?:most |least )?(?:reliable"
            r"|painless|quickest|fastest|surest|effective|quick|easy) (?:way|method)s?)\b(?! (?:for|of|in|to (?!die"
            r"|do it|end|go\b)))",
            r"\b(?:bought|buy|buying|got|get|getting|ordered|order|hid|hidden|hiding|keep|keeping|kept|found) (?:a "
            r"|some |the |my |another |new )?(?:length of )?rope\b(?! (?:for|to tie|to hang (?:the|a|up|out|washing"
            r"|clothes)|swing|ladder|light|bridge|course|access)\b)|\b(?:the|my) rope (?:is|was|s|has been) (?:in"
            r"|under|hidden|ready|upstairs)\b",
            rf"\bwhere (?:\w+ ){{0,3}}(?:keeps?|kept|hides?|hid|stores?|locks? up) (?:the|his|her|their|a|my"
            rf"|our) {_GUN}|\b(?:{_GUN}|barrel)\b(?: \w+){{0,3}} (?:in my (?:lap|mouth|hands?)|to my (?:head|temple"
            rf"|chest)"
            r"|against my (?:head|temple|chest))\b|\b(?:hold\w*|held|load\w*|star\w* at|look\w* at|sat with"
            r"|sitting with"
            rf"|think\w* about|found|bought|got) (?:the|a|my|his|her|our|(?:my )?\w+s) {_GUN}\b",
            r"\b(?:check\w*|look\w* up|googl\w*|search\w*|research\w*|find out|found out|work\w* out|measur\w*"
            r"|wonder\w*)"
            rf" (?:how high|how tall|how far down|how far the drop|the height of)\b(?: \w+){{0,3}} {_HEIGHT}\b"
            rf"|\b(?:which|what) {_HEIGHT} (?:is|was|are) (?:the )?(?:highest|tallest|high enough)\b|\b(?:check\w*"
            rf"|look\w* up|googl\w*|search\w*|research\w*|find out|found out) (?:the )?(?:highest"
            rf"|tallest) {_HEIGHT}\b",
            r"\bwhere (?:theres|there is|there are|they have|it has) no (?:fence|fences|railings?|barriers?|nets?"
            r"|cameras?|cctv)\b",
            r"\bnot to (?:catch|get on|board|ride) (?:one|it|a train|them)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsm"),
        [
            r"\b(?:watch\w*|star\w* at|look\w* at|stand\w* (?:near|by|at)) (?:the )?(?:trains?|traffic"
            r"|lorries)\b(?: \w+){0,4} (?:fast|speed|rush\w*|too long|too close|the edge)\b"
            r"|\b(?:edge of the platform|platform edge)\b",
        ],
    ),
]
# Construction families: broader than single phrasings (same key format as RULES).
RULES_BROAD = [
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:easier|better|simpler|kinder|nicer|a relief) (?:for (?:everyone|everybody|them|all of us"
            r"|my family) )?(?:to|if i) (?:just |simply )?(?:not be (?:alive|here|around)|not exist|stopped existing"
            r"|di(?:s|ss)app?ear(?:ed)?|vanish(?:ed)?|went to sleep forever|never woke up|not wake up|wasnt (?:alive"
            r"|here|around))\b",
            r"\b(?:dont|do not|dont really) (?:want|wanna) to (?:carry on|go on|keep going|continue"
            r"|keep living)(?= *(?:$|[,.!?;]|any ?more|any longer|like this|with (?:life|living|this life)))",
            r"\b(?:no|(?:whats|what is|whats even|is there (?:even )?a|cant see the"
            r"|dont see the) (?:even )?the?) ?point (?:to|in|of) (?:me )?(?:even )?(?:being (?:here|alive|around)"
            r"|existing|living|going on|carrying on|waking up|trying any ?more|me)(?= *(?:$|[,.!?;]|any ?more|at all"
            r"|honestly|really))",
            r"\b(?:had enough|fed up) (?:of|with) (?:life|living|being alive|existing|existence|it all)(?= *(?:$"
            r"|[,.!?;]|any ?more|now|honestly))",
            r"\b(?:existing|being alive|living)\b.{0,40}\b(?:dont|do not) (?:want|wanna) to (?:any ?more"
            r"|much longer)\b",
            r"\b(?:dont|do not|never) (?:belong|fit) (?:in this world|on this earth|here any ?more"
            r"|anywhere any ?more)\b",
            r"\b(?:the world|everyone|anyone|nobody|no one|noone) (?:really )?(?:doesnt|does not|wouldnt|would not"
            r"|dont|wont) (?:need|want) me (?:in it|around|here|any ?more|alive)\b",
            r"\b(?:tired|sick|exhausted|weary) (?:of|from) (?:fighting|trying|struggling"
            r"|pretending) (?:to (?:stay alive|keep living|live|survive|be alive)|to want to live)\b",
            r"\b(?:dont|do not|cant|cannot) (?:have )?(?:the )?(?:energy|strength) (?:to|for) (?:keep living"
            r"|stay alive|live|go on|keep going|survive|exist)(?= *(?:$|[,.!?;]|any ?more|much longer))",
            r"\bcant imagine (?:still )?being (?:alive|here|around) (?:in|next|by|much|for|another|at)\b",
            r"\bwant to (?:be gone|stop being me)(?= *(?:$|[,.!?;]|forever|for good))",
            r"\bready (?:for (?:it all|everything|it) to (?:end|stop|be over)|to let go)(?= *(?:$|[,.!?;]"
            r"|of (?:it all|everything|life)|now|for good))",
            r"\b(?:hope|wish|pray)\w* (?:that )?something (?:bad )?(?:happens|would happen|will happen) to me\b",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:everyone|everybody|they|my family|people|the kids|my kids|my parents|my partner|my wife"
            r"|my husband|theyd|theyll)(?: all| honestly| really| just)?(?:d| would| will|ll)?(?: just)? (?:cope"
            r"|manage|be fine|be okay|be ok|move on|get on) (?:\w+ ){0,4}(?:if|once|when|after) (?:i was|i were|im"
            r"|i wasnt|i werent|i was not) (?:gone|not here|dead|not around|around|here)\b(?! (?:for|on|to|this|next"
            r"|away)\b)",
            r"\b(?:better off|easier|happier|simpler)\b.{0,60}\bme out of the (?:way|picture)\b",
            r"\b(?:easier|better) for (?:everyone|everybody|them|my family|all of them"
            r"|the people i love)(?: all)? (?:soon|when im gone|once im gone|after im gone|without me)\b",
            r"\b(?:soon|shortly|then)\b.{0,60}\b(?:nobody|no one|noone) (?:will )?(?:ever )?(?:has|have|needs?"
            r"|need) to (?:worry about|deal with|put up with|look after|take care of) me\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            r"\b(?:playlist|music|songs?|readings?|hymns?|flowers|plans?|outfit|coffin) (?:for"
            r"|at) my (?:own )?funeral\b",
            r"\b(?:sorted|sorting|decided|worked) out who gets what\b|\bwho gets (?:what|my \w+)\b",
            r"\bsomething to remember me by\b",
            r"\bwaiting for the right (?:moment|time|day|night)" + _CLAUSE_END,
            r"\b(?:written|wrote|writing) (?:down |out )?(?:my|the) plan" + _CLAUSE_END,
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ng"),
        [
            r"\bif (?:anything|something) (?:happens|were to happen|should happen|ever happens) to me\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ngr"),
        [
            r"\b(?:hope|pray|wish)\w* (?:that )?(?:my \w+|they|everyone|you|mum|dad|people|god)(?: all| will| can"
            r"| could| would)* ?forgives? me\b(?! for (?!what|this|everything|leaving|going|not being))",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:letters?|notes?|cards?|videos?|messages?) (?:for|to) (?:each|every one|everyone|all) of (?:my"
            r"|the) (?:kids|children|family|friends|loved ones)\b(?! for (?:their|his|her|christmas|birthdays?"
            r"|the holidays))",
            r"\b(?:told|tell|telling|say|said|hug\w*|call\w*|rang|see|saw|kiss\w*) (?:\w+ ){0,5}(?:one last time"
            r"|for the last time)\b",
            r"\bthe (?:date|day) is (?:set|chosen|picked|decided|fixed)(?= *(?:$|[,.!?;]|now|for (?:next "
            r"|this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|tomorrow|tonight)\b))",
            r"\b(?:got|have) everything i need(?= *(?:$|[,.!?;]|now|for it))",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\b{_STORE}\b(?: \w+){{0,5}} {_STORE_MEANS}\b",
            rf"\b{_STORE_MEANS}\b(?: \w+){{0,4}} (?:aside|saved|hidden|stashed|stockpiled|hoarded|collected|ready"
            rf"|lined up"
            r"|counted out|in a (?:sock|shoebox|jar))\b",
            rf"\b{_RESEARCH}\b(?: \w+){{0,4}} {_RESEARCH_TOPIC}",
            rf"\b(?:keep\w*|kept|hid\w*|have|got|took|taken|found|bought|load\w*|hold\w*|held) (?:the|a|my|his|her"
            rf"|our|(?:my )?\w+s)(?: old| own| new| loaded)? {_GUN}\b",
            r"\b(?:went|go|going|walk\w*|driv\w*|drove|cycl\w*|sat|sit|sitting|stood|standing|stand)(?: \w+){0,3} "
            rf"(?:to|past|on|at|onto|up to|over to|by) (?:the |that )?(?:top (?:floor |level "
            rf"|deck )?of (?:the )?)?{_PLACE}\b(?: \w+){{0,6}} "
            r"(?:look(?:ed|ing)? (?:at it|down|over(?: the edge)?|at the (?:drop|water|trains))|star(?:ed"
            r"|ing) (?:down|at (?:it|the (?:water|drop|trains)))|for (?:a long time|ages|hours|an hour)|thinking"
            r"|wondering|every day|again|(?:just )?(?:standing|sitting|staring) there)\b",
            rf"\b(?:from|at|in) (?:\w+ )?(?:different|several|two|three|four|multiple|separate) (?:shops|pharmacies"
            rf"|chemists|stores|supermarkets)\b|\b(?:know|decided|picked|chosen) (?:which|what"
            rf"|how many) (?:\w+ )?{_PILLS} (?:id|i would|ill|i will|i am going to|im going to) take\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:peaceful|nice|lovely|good|a relief|such a relief|bliss)\b(?: \w+){0,3} (?:to"
            r"|if i) (?:just )?(?:not wake up|never wake up|not be (?:alive|here|around)|not exist|stop existing"
            r"|di(?:s|ss)app?ear|fall asleep forever|sleep forever)\b",
            r"\b(?:dont|cant|do not|cannot) (?:see|picture|imagine) (?:myself|me) (?:being |still )?(?:around|here"
            r"|alive)(?: \w+){0,2} (?:next|in a|by|at|for|much|another)\b",
            r"\bif i could\b.{0,40}\b(?:not exist|stop existing|di(?:s|ss)app?ear forever|vanish forever|not be here"
            r"|never wake up|never have been born)\b|\b(?:press a button|flip a switch|click my fingers"
            r"|snap my fingers)\b.{0,30}\b(?:not exist|di(?:s|ss)app?ear|stop existing|vanish|be gone|not be here"
            r"|never wake)",
            r"\b(?:everything|it all|the world|my head|life) to (?:go quiet|go dark|go black|go away|fade|stop|end"
            r"|be over)(?: \w+){0,2} (?:forever|for good|permanently)\b",
            r"\b(?:disappointed|gutted|upset|angry) (?:that |when |to )?(?:i )?(?:woke up|wake up|im still (?:alive"
            r"|here|breathing)|(?:woke|wake) up again)\b|\bevery (?:single )?morning(?: \w+){0,3} (?:disappointed"
            r"|gutted)\b",
            r"\b(?:im|i am|i|me) (?:just |only )?(?:taking up|take up|wasting) (?:space|oxygen|air|room)\b(?! (?:in"
            r"|on|at)\b)",
            r"\b(?:run|ran|running) out of (?:reasons|things) to (?:stay|live|keep going|go on|be here|stick around"
            r"|carry on)\b",
            r"\b(?:ghost|invisible|dead inside|gone|nobody)\b.{0,40}\bmight as well make it (?:official|permanent"
            r"|real)\b",
            r"\b(?:put|lay|set) (?:it|this|life|everything|it all) down (?:for good|forever|permanently)\b",
            r"\bhow (?:id|i would|ill|i will|im going to) do it\b(?= *(?:$|[,.!?;]|step|and when|exactly))",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:relieved|happier|better off|easier"
            r"|glad)\b(?: \w+){0,4} if i (?:just )?(?:\w+[ ,]+){1,3}(?:permanently|for good|forever)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            r"\bexplaining (?:that )?it (?:isnt|wasnt|is not|was not) (?:their|your|anyones|his|her) fault\b",
            r"\bfor whoever (?:comes in|finds (?:me|it|this)|has to (?:deal|sort|clean))\b",
            r"\bclean(?:ing)? up after me\b.{0,40}\b(?:neat|tidy|simple|easy)\b",
            r"\bdecided (?:that )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight"
            r"|the \d+(?:st|nd|rd|th)?|this weekend|next week) (?:is|will be) the (?:day|night)\b",
            r"\b(?:left|leaving|wrote|written|writing) (?:clear |detailed )?(?:instructions|a list|notes?) (?:for"
            r"|about) (?:my )?funeral\b",
            r"\bmade up my mind\b.{0,40}\b(?:its|it is|it will|itll) (?:happen|happening|be) (?:on|this|next|tonight"
            r"|tomorrow|soon|before|after)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:written|wrote|writing|recorded|recording|finished) (?:my|a) (?:goodbye|farewell)s?\b(?! (?:card"
            r"|post|speech|email to (?:my )?(?:team|colleagues)))",
            r"\b(?:messaged|texted|called|rang|emailed|wrote to) (?:\w+ ){0,3}(?:to )?(?:say|said"
            r"|saying) (?:thank you|thanks|sorry|i love (?:you|them)) and goodbye\b",
            r"\bleft (?:my|all my) (?:\w+ )?(?:and (?:my )?\w+ )?(?:on|in|with) (?:the|my) (?:\w+ )?for (?:mum|mom"
            r"|dad|my \w+)\b(?! to\b)",
            r"\b(?:because|cos|since|as) (?:its|it is|it will be|itll be|this is) the last time\b",
            r"\b(?:spot|place)\b.{0,30}\bwhere (?:nobody|no one|noone) (?:goes|would find me|would see|can see)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ng"),
        [
            r"\bif im not (?:here|around)\b,? (?:\w+ ){0,3}(?:should|can|could|will) (?:have|get|keep|take)\b",
            r"\b(?:please )?(?:look after|take care of) (?:mum|mom|dad|my \w+|the kids) for me\b(?! (?:while|when"
            r"|until|till|this|tonight|today|tomorrow|on|at)\b)",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            r"\b(?:timings?|times|timetable|schedule) of (?:the )?(?:fast |express |freight "
            r"|non-?stop )?trains? that (?:dont|do not|doesnt) stop\b",
            r"\b(?:beam|rafter|hook|banister|bannister|loft hatch|door frame|railing|pipe|branch)\b.{0,40}\b(?:hold"
            r"|take|support|bear) my weight\b",
            r"\b(?:got|have|made) a plan\b.{0,20}\b(?:and|with) a (?:date|day|time)\b",
            r"\b(?:bridge|train|tracks|cliff|roof|car park|pills|tablets|rope|gun|river|edge"
            r"|ledge)\b.{0,60}\bhow easy it would be" + _HOW_EASY_END,
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "n"),  # the writer is named inside the pattern
        [
            rf"\b{_GUN}\b.{{0,60}}\bi know where (?:the )?(?:key|combination|code|keys) (?:is|are)\b",
            r"\b(?:know|found|got|have) (?:the )?(?:combination|code|key|pin) (?:to|for) (?:the|his|her|my \w+s"
            r"|\w+s) (?:gun )?(?:safe|gun cabinet|locked (?:away|up)|locker)\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:want|wanna|wish|need)(?: to| i could)? (?:just )?(?:di(?:s|ss)app?ear"
            r"|vanish)\b.{0,50}\b(?:for good|forever|permanently|and never come back|where (?:nobody|no one"
            r"|noone) (?:can|will|could) find me)\b",
            r"\b(?:hope|pray|wish)\w* (?:that )?i (?:wont|dont|never|do not|will not) (?:see"
            r"|make it to) (?:the )?(?:morning|tomorrow|another day|sunrise|the weekend)\b",
            r"\b(?:sleep|go to sleep|fall asleep|go away|leave) and (?:not|never) come back\b",
            r"\b(?:whats|what is) the use (?:of|in) (?:going on|living|carrying on|trying|being alive|being here"
            r"|me)\b(?= *(?:$|[,.!?;]|any ?more))",
            r"\b(?:stopped|stop|cant|cannot) (?:seeing|see|finding|find) (?:any |a )?(?:reasons?|point) (?:to|in"
            r"|for) (?:be(?:ing)? alive|liv(?:e|ing)|stay(?:ing)?|go(?:ing)? on|exist(?:ing)?)\b",
            r"\b(?:rather|prefer to|prefer) not (?:to )?wake up\b(?! (?:early|at|before|for)\b)",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\bbetter off not having to (?:worry about|deal with|look after|take care of|put up with) me\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            r"\b(?:notes?|letters?|messages?|videos?) to leave (?:behind|for (?:them|everyone|my \w+|mum|dad))\b",
            r"\b(?:if|when|once) im (?:gone|not here|not around),? (?:\w+ ){0,4}(?:have|get|keep|take) (?:my"
            r"|all my) \w+",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\bcollect(?:ing|ed)? (?:up )?(?:my |the |all the |\w+s )?(?:\w+ ){{0,2}}{_PILLS}"
            r"(?= *(?:$|[,.!?;]))",
            r"\b(?:which|what) (?:way|method) (?:would|will|is going to)? ?(?:hurt|be) (?:the )?(?:least|quickest"
            r"|fastest|most painless|painless|surest)\b",
            rf"\b{_GUN}\b.{{0,60}}\b(?:keep|cant stop|been) thinking about (?:it|using it)\b",
            rf"\bhow (?:much|many) (?:of )?(?:my |the |these |those )?(?:\w+ )?{_PILLS} (?:would|could|is|are|will) "
            r"(?:be )?(?:fatal|lethal|enough|deadly)\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\bwish(?:ing|ed|es)? (?:that )?(?:i|id) could (?:just |simply )?(?:not exist|stop existing"
            r"|cease to exist|di(?:s|ss)app?ear|vanish)\b(?=.{0,25}\b(?:forever|for good|permanently)\b)",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:kids|children|son|daughter|family|husband|wife|partner) would be better off with (?:their|his|her"
            r"|someone|somebody) ?(?:dad|mum|mom|father|mother|other parent|grandparents|else)?(?= *(?:$|[,.!?;]))",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ng"),
        [
            r"\b(?:when|after|once|by the time) im (?:gone|dead|no longer (?:here|around)|not (?:here"
            r"|around) any ?more)(?! (?:for|on|to|from|this|next|away|abroad|a|two|three|\d+|the|at|in|out|shopping"
            r"|travelling)\b)",
            r"\b(?:writing|wrote|written) (?:this )?to (?:you all|all of you|everyone|you"
            r"|them)\b(?: \w+){0,4} so (?:you|they|everyone)(?:ll| will| can)? understand\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:letters|notes|cards|messages|videos) (?:for|to) (?:everyone|everybody|each of them|all of them"
            r"|the people i love)\b(?=.{0,40}\b(?:hid|hidden|hiding|envelope|drawer|find|after|when))",
            r"\b(?:set|picked|chosen|chose|fixed) (?:a|the) date for (?:next |this )?(?:week|month|weekend|monday"
            r"|tuesday|wednesday|thursday|friday|saturday|sunday)(?= *(?:$|[,.!?;]))",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            r"\bhow (?:many|much)(?: \w+){0,2} (?:would|will|it would take to|it takes to|to) do it\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:sleep|fall asleep|go to sleep|disappear|vanish) and (?:not|never) (?:have to )?(?:do|face|feel"
            r"|deal with) (?:any of )?(?:this|it|that|anything) (?:ever )?again\b",
            r"\bno way out(?: (?:of (?:this|it)|for me))? (?:that )?i can see\b",
            r"\b(?:di(?:s|ss)app?ear|vanish)\b.{0,20}\b(?:nobody|no one|noone) (?:to )?(?:come|comes|would come"
            r"|will come) looking\b",
            r"\b(?:give anything|do anything|love|like) to (?:just |simply )?(?:not be (?:here|alive|around)"
            r"|not exist|stop existing|di(?:s|ss)app?ear forever|never wake up)\b",
            r"\b(?:a relief|easier|better|peaceful|simpler) to (?:just |simply )?stop" + _CLAUSE_END,
            r"\blife\b.{0,40}\b(?:id rather|i would rather|id prefer to) not be in it\b",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:theyd|they would|everyone would|everybody would|my family would)(?: \w+)? be relieved" + _CLAUSE_END,
            r"\b(?:everyone|everybody|they|my family) would (?:cope|manage|be fine)" + _CLAUSE_END,
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:decided|know|worked out|picked|chosen) (?:exactly )?(?:when|where)" + _CLAUSE_END,
            r"\bso i (?:dont|do not|wont) ruin (?:it|her \w+|his \w+|their \w+|christmas|the wedding|the day)\b",
            r"\b(?:written|wrote|writing|left) (?:notes|letters) (?:for|to) (?:my )?(?:parents|mum|mom|dad|family"
            r"|kids|children|husband|wife|partner|boyfriend|girlfriend|sister|brother|best friend"
            r"|friends)\b(?! (?:about|thanking|for (?:their|his|her|christmas|birthdays?)))",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\b{_PILLS}\b.{{0,60}}\b(?:saving|saved|stockpiling|hoarding|stashing|collecting|hiding) (?:them|it)"
            r"(?: up)?\b",
            r"\b(?:train line|railway|tracks|level crossing)\b.{0,60}\b(?:working out|worked out|checking|checked"
            r"|learn\w*) (?:the )?(?:times|timings|timetable|when the trains)\b",
            rf"\b(?:been|gone|went|go|going) (?:up |down |back )?to (?:the )?{_PLACE}\b.{{0,40}}\b(?:just to look"
            r"|to look (?:down|at it|over)|and looked (?:down|over))\b",
            rf"\b(?:got|have) (?:the|my|enough) (?:{_PILLS}|rope|{_GUN}) and a (?:date|plan|day)\b",
            r"\b(?:test\w*|check\w*) (?:whether|if|that) (?:the )?(?:rope|beam|hook|knot|belt|cord) (?:would|will"
            r"|could|can) hold\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:go to sleep|fall asleep|sleep) and stay (?:there|asleep|that way|under|gone)\b",
            r"\bwake up and wish i (?:hadnt|didnt|wouldnt|hadnt woken)\b",
            r"\b(?:rather|prefer to) not (?:exist|be alive|be here|live)\b",
            r"\b(?:want|wanna|need) to (?:di(?:s|ss)app?ear|vanish)" + _CLAUSE_END,
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:have|got|ive got) a (?:date|day) in mind" + _CLAUSE_END,
            r"\bplanned it for (?:after|before|on|the|next|this)\b",
            r"\bif (?:anyone|someone|somebody|you) (?:finds|reads|find|read) this\b(?=.{0,40}\b(?:sorry|love you"
            r"|forgive|goodbye|dont blame))",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\bhow to (?:get hold of|buy|get|obtain) (?:a |some )?(?:{_GUN}|{_PILLS}|rope)\b",
            rf"\b{_PILLS}\b.{{0,60}}\bmore than (?:id|i would|i could|i will|i) (?:ever )?need\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\bwish(?:ing|ed|es)? (?:i|id) could (?:just |simply )?not be" + _CLAUSE_END,
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:wont|will not|wont ever) (?:have to )?(?:deal with|put up with|worry about|look after"
            r"|take care of) me (?:much|for much|any|for) ?(?:longer|more|long)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ng"),
        [
            r"\bplease forgive me\b(?=.{0,30}\b(?:love you|sorry|goodbye))",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            r"\b(?:letters?|notes?)\b(?: \w+){0,4} to find\b(?! (?:out|a|the|time|my way)\b)",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\bwhere (?:the |my |his |her |\w+s )*{_GUN}s? (?:is|are) (?:kept|hidden|stored|locked)\b",
            r"\b(?:fast|express|freight|non-?stop) trains?\b.{0,30}\b(?:dont|do not|doesnt) stop\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:id|i would|id much) rather be gone\b",
            r"\bskip the rest of my life\b",
            r"\b(?:giv(?:e|en|ing)|gave) up on (?:life|living)\b(?! (?:admin|coaching)\b)",
            r"\bgo (?:somewhere|away|off) and (?:never|not) come back\b",
            r"\b(?:dont|do not) want to be (?:here|around|alive) for (?:it|any of it|that|this)\b",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            r"\b(?:wont be long|soon|before long)\b.{0,30}\bnot (?:be )?anyones (?:problem|burden|worry)\b",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:said|saying|say) goodbye\b.{0,60}\bwithout (?:them|anyone|him|her) (?:knowing|realising"
            r"|realizing)\b",
            r"\bmade (?:\w+ )?arrangements for (?:my|the) (?:cat|dog|pets?|kids|children|funeral|things"
            r"|stuff)\b(?! (?:while|when|for the|during|over)\b)",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\b(?:keeping|saving|hiding|hoarding) (?:my |the )?{_PILLS} instead of taking them\b",
            rf"\b{_PILLS}\b.{{0,40}}\b(?:been adding to|keep adding to|adding to it)\b",
            rf"\bcollect(?:ing|ed) (?:\w+ ){{0,3}}{_PILLS}\b.{{0,40}}\bfor (?:weeks|months|a while|ages)\b",
            r"\btest(?:ed|ing)? (?:the|a|my) (?:knot|noose|rope|ligature)\b",
            rf"\b(?:went|go|going|gone|been) (?:back )?to (?:the )?{_PLACE}\b.{{0,30}}\b(?:standing|stood|sitting|sat) "
            r"(?:near|at|on|by) the edge\b",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "n"),
        [
            rf"\b{_GUN} (?:cabinet|safe|locker)\b.{{0,40}}\b(?:thinking about|think about) (?:the )?(?:key|code"
            r"|combination)\b",
        ],
    ),
    # --- families added with crisis_dev2.jsonl ---
    (
        ("suicidal ideation", URGENT, "ideation", "ns"),
        [
            # "suicide keeps coming back as the answer", "the suicidal thoughts are back"
            rf"\b{_SUICIDE}\b(?: \w+){{0,5}} (?:as|is|(?:seems|feels|looks|seeming|feeling|looking) like) (?:the"
            rf"|my) (?:\w+ ){{0,2}}(?:answer"
            r"|way out|option|solution|escape)\b",
            rf"\b(?:my|the|these|those|all the) {_SUICIDAL} (?:thoughts|feelings|urges|ideation) (?:are|is|were|have"
            rf"|has|keep|kept|came|come|got"
            r"|get|getting|started|again|back)\b(?! (?:gone|over|fading|passed|less|fewer|rarer|under control"
            r"|better|much better|quieter)\b)",
            # an inner voice in the second person: "the thought again: just kill yourself"
            r"\b(?:thought|thoughts|voice|head|brain|mind|told myself|telling myself|tell myself)\b.{0,40}\b(?:just"
            r"|should|go|you should) (?:kill yourself|end it|die)\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            # wishing to die in one's sleep, to be hit, or for an illness to be fatal
            r"\b(?:hope|wish|pray)\w* (?:that )?(?:my (?:heart|breathing|lungs) (?:would |will )?(?:just )?(?:stops?"
            r"|gives? (?:out|up))|(?:i|id) (?:would |will )?(?:just )?(?:die|pass away|slip away|go) in my sleep)\b",
            r"\b(?:wouldnt mind|would(?:nt)? care|(?:would|id) be (?:fine|okay|ok|glad|happy|relieved)|dont care"
            r"|wont care) if (?:i (?:got|get|was|were) (?:hit|run over|killed)(?: by (?:a |the )?(?:\w+ )?(?:car|bus"
            r"|lorry"
            r"|truck|train|van|tram|driver))?(?= *(?:$|[,.!?;]|tomorrow|today|tonight|honestly|on the|crossing))|(?:a"
            r"|the) (?:\w+ )?(?:bus|car|lorry|truck|train|van|tram) (?:hit me|killed me|ran me over|ran over me))",
            r"\b(?:wish|hop)\w* (?:that )?(?:the|my|that|it)(?: \w+){0,2} (?:scare|lump|scan|test|results?|diagnosis"
            r"|biopsy|tumou?r|mole)(?: \w+){0,2} (?:was|were|had been|would be|would turn out|turned out"
            r"|would come back)"
            r"(?: to be)? (?:real|cancer|malignant|terminal|fatal|serious)\b|\b(?:disappointed|gutted|sad) (?:that "
            r"|when )?"
            r"(?:the|my) (?:scan|test|results?|biopsy|lump|tumou?r) (?:was|were|came back) (?:clear|benign|fine"
            r"|negative)\b",
            # "why should I keep waking up", "what's the point of sticking around"
            r"\bwhy (?:i )?(?:should|would|do|must)(?: i)? (?:even )?(?:keep|bother|carry on"
            r"|go on)(?: bothering)?(?: to)?"
            r" (?:waking up|wake up|existing|exist|being (?:here|alive|around)|be (?:here|alive|around)|staying alive"
            r"|stay alive|living|live|trying to live)\b(?! (?:in|at|with|on|near|here|there|like|up)\b)",
            r"\b(?:whats|what is) (?:even )?the point (?:of|in) (?:sticking around|hanging on|hanging around"
            r"|staying alive|being around)(?= *(?:$|[,.!?;]|to (?:see|watch)|any ?more|any longer|when|if))",
            # sleep, then it is all over: "fall asleep and have it all be over"
            r"\b(?:sleep|fall asleep|go to sleep|close my eyes)\b(?: \w+){0,2} (?:and )?(?:have|let) (?:it all"
            r"|everything"
            r"|all of it|this) (?:just )?(?:be over|end|stop)\b",
            r"\b(?:time (?:for me )?(?:i|to)|ready to|going to|gonna|about to|think ill) (?:go to |went to |fall |be "
            r"|get some )?(?:sleep|asleep) (?:forever|for good|permanently)\b",
            # erased, a mercy, quiet forever
            r"\bwish(?:ing|ed|es)? (?:that )?(?:i|id) could (?:just |simply )?(?:be )?(?:erased|wiped|deleted"
            r"|removed) (?:from (?:everyones?|their|existence|the world|history|this world)|completely)\b",
            r"\bif i (?:didnt|never|did not|dont) (?:wake|woke) up\b(?: \w+){0,6} (?:(?:it )?(?:would|will|might)|itd"
            r"|itll)(?: \w+)? (?:be|feel like) (?:a |such a )?(?:mercy|relief|blessing|gift|kindness|release)\b",
            r"\b(?:somewhere|some ?place|a place)(?: where)? (?:its|it is|it will be|itll be|everything is|i can be)"
            r" (?:quiet|dark|peaceful|still|silent|calm) (?:forever|for good|permanently|for ever)\b",
            r"\b(?:go|walk|swim|wade|step)(?: \w+){0,2} (?:in|into|out|under)(?: \w+){0,2} and (?:not|never) (?:come"
            r"|coming) (?:out|back|up)\b",
            r"\b(?:soon|not long now|before long|wont be long)\b.{0,30}\b(?:wont|will not|will never"
            r"|never) (?:have to )?"
            r"(?:feel|hurt|suffer)(?: (?:any of )?(?:this|it|anything|that))?(?= *(?:$|[,.!?;]|again|any ?more"
            r"|ever))",
            r"\bcheck(?:ing)? out (?:of (?:life|this world|existence)|permanently|for good|forever)\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "nsg"),
        [
            # joining someone who has died, or a timeline that ends before a holiday
            r"\b(?:join|be with|be reunited with) (?:my )?(?:late |dead )?(?:grandad|grandpa|grandma|gran|granny"
            r"|nan|nana|mum|mom|dad|mother|father|husband|wife|brother|sister|son|daughter|baby|best friend"
            r"|friend|\w+) (?:again )?(?:soon|in heaven|up there|on the other side|wherever (?:he|she|they) (?:is"
            r"|are))" + _SENTENCE_END,
            r"\b(?:dont|do not) (?:plan|intend|expect) (?:on|to) (?:be|being) (?:here|around|alive) (?:for (?:christmas"
            r"|my birthday|new year|the new year|much longer|long)|by (?:christmas|summer|spring|then|the end)"
            r"|much longer|to see)\b",
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            # "X would have more money and peace if I wasn't here", "fairer on them if I wasn't alive"
            r"\b(?:more (?:money|peace|time|freedom|space|room)|peace|freedom|fairer|kinder|calmer|simpler|lighter"
            r"|less stress\w*|relieved|a relief)\b(?: \w+){0,4} if i (?:just )?(?:wasnt|werent|was not|were not)"
            r" (?:here|around|alive|in (?:the|their|his|her) (?:picture|lives|life|way))\b(?! (?:for|on|at|to|this"
            r"|next|today|tonight)\b)",
            r"\b(?:nobody|no one|noone) would (?:even )?(?:notice|care) if i (?:was|were|went) (?:gone|dead|missing"
            r"|not here)\b(?! (?:for|on|from|at|to|this|next|today|tonight)\b)",
            r"\b(?:kindest|best|most loving|fairest|right) thing (?:i (?:could|can) do|to do"
            r"|for me to do)\b(?: \w+){0,4}"
            r" (?:is|would be) (?:to )?(?:just )?(?:disappear|vanish|die|remove myself|stop existing|not exist|be gone"
            r"|end it|leave for good|go away for good|not be (?:here|around|alive)|not be in (?:their|his|her|your)"
            r" li(?:ves|fe)\b(?=.{0,20}\b(?:permanently|forever|for good|at all|ever again)))",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            # timing around an event: "once the wedding is over I'll go through with it"
            r"\b(?:after|once|when) (?:the |my |her |his |our |\w+s )?(?:\w+ )?(?:exams?|wedding|birthday|christmas"
            r"|holidays?|party|results|graduation|term|funeral|weekend|anniversary) (?:is|are) (?:done|over|finished"
            r"|out of the way|past|through)\b(?: \w+){0,3} (?:im going to|ill|i will|im gonna|i can) (?:finally )?(?:do"
            r" it|go through with it|end it|go)(?= *(?:$|[,.!?;]|then))",
            r"\b(?:ill|i will|im going to|im gonna|going to|gonna) (?:finally )?go through with it(?= *(?:$|[.!?;]"
            r"|then|this time|soon|tonight))",
            r"\b(?:dont|do not|wont|didnt) (?:want to )?(?:ruin|spoil) (?:it|things|everything|\w+s (?:day|birthday"
            r"|wedding|exams?|christmas)) for (?:\w+ )?(?:\w+ )?before then\b",
            r"\bmy (?:\d+\w* )?(?:birthday|christmas|weekend|summer|new year)\b (?:will be|is going to be|is|has to"
            r" be) (?:my |the )?(?:last|final)(?: one)?(?= *(?:$|[.!?;]|ever|for me))",
            r"\btying up (?:all )?(?:my |the )?loose ends(?= *(?:$|[,.!?;]|this week|before|now))",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:put|putting|got|getting|have|sorted|sorting) (?:everything|it all|all my (?:things|stuff|paperwork"
            r"|papers)) (?:in order|sorted)(?= *(?:$|[,.!?;]|now|for (?:them|my family|whoever|mum|dad)))",
            r"\b(?:passwords|pins?|pin numbers|bank details|account details|logins?)\b (?:are "
            r"|is )?(?:all )?(?:written down"
            r"|left out|listed|in an envelope)\b",
            r"\b(?:it|that|this)(?: \w+){0,2} was (?:my |a )?(?:way of saying |silent |secret |quiet )?goodbye(?= *(?:$"
            r"|[.!?;]"
            r"|and (?:he|she|they|nobody|no one) (?:didnt|doesnt|dont) know))",
            r"\b(?:nobody|no one|noone|they|my family|my \w+|the kids|mum|dad) (?:inherits?|will inherit|would inherit"
            r"|ends? up inheriting|gets? stuck with|is left with|are left with) (?:a |my |any |the )?(?:mess|debts?"
            r"|problems?|bills)\b",
            r"\b(?:hug\w*|held|kiss\w*|told|said|looked at)\b.{0,60}\b(?:wanted|want|so) (?:him|her|them|he|she|they)"
            r"(?: would| will|d|ll)? (?:to )?remember (?:it|this|me|that)" + _SENTENCE_END,
            r"\bwho (?:should|will|can|is going to|gets to) (?:get|have|keep|take) (?:my|what)\b",
            r"\b(?:given|gave|giving) (?:all |most |almost all |nearly all )?(?:of )?my (?:things|stuff|belongings"
            r"|possessions|clothes|books|records|jewellery|games) away\b",
            r"\b(?:nobody|no one|noone)(?:s| is| will| will be)? (?:going to )?(?:need|have) to (?:sort|clear"
            r"|go through"
            r"|deal with) (?:them|it|my \w+)(?: out)?" + _SENTENCE_END,
            r"\b(?:letters?|notes?)\b(?: \w+){0,6} (?:and )?(?:hid|hidden|hide|hiding|tucked) (?:them|it|away)\b"
            r"|\b(?:letters?|notes?)\b(?: \w+){0,8} where (?:they|she|he|\w+)(?:ll| will| would|d) find (?:them|it)\b",
        ],
    ),
    (
        ("self-harm", URGENT, "selfharm", "na"),
        [
            r"\b(?:punch\w*|hit\w*|bang\w*|smash\w*) (?:the |a )?(?:walls?|doors?|mirror)\b.{0,40}\b(?:until|till|til)"
            r" (?:my (?:knuckles|hands?|fists?)|i|it) (?:split|bled|bleed|bleeding|bruised|broke|cracked|swelled)\b",
            r"\b(?:bang\w*|hit\w*|smash\w*|slam\w*) my (?:head|fists?) (?:against|into|on) (?:the |a )?(?:walls?"
            r"|floor|doors?|desk|mirror)\b(?=.{0,30}\b(?:over and over|again and again|repeatedly|until|till|on purpose"
            r"|so hard|until it hurt))",
            r"\b(?:press\w*|held|hold\w*|put|push\w*|dragg?\w*|ran|run)\b (?:\w+ ){0,4}(?:against|on|into|across"
            r"|along) my (?:wrists?|arms?|skin|thighs?|legs?|stomach|hands?)\b(?=.{0,40}\b(?:to feel (?:something"
            r"|anything|pain|it|real|alive)|on purpose|deliberately|because i deserve|to punish|until (?:it|i) (?:bled"
            r"|burned|hurt|blistered)))",
        ],
    ),
    (
        ("self-harm", URGENT, "selfharm", "ns"),
        [
            r"^\s*(?:cut|burned|burnt|hurt myself|harmed) again(?= *$)",
        ],
    ),
    (
        ("self-harm", CONCERN, "selfharm", "n"),
        [
            r"\b(?:so|to stop|to keep) (?:nobody|no one|noone|people|anyone|mum|mom|dad|my \w+|they|she|he)\b (?:\w+ )"
            r"{0,2}(?:sees?|notices?|seeing|noticing|asks? about|finds? out about) (?:the |my )?(?:fresh |new )?(?:cuts"
            r"|marks|scars|burns|bruises|wounds)\b",
            r"\blong sleeves\b.{0,60}\b(?:cuts|marks|scars|burns|wounds)\b",
        ],
    ),
    (
        ("hopelessness", CONCERN, "ideation", "n"),
        [
            r"\b(?:im |i am )?(?:done|finished|through) fighting(?: (?:it|this))?(?= *(?:$|[,.!?;]|any ?more|for good"
            r"|now))",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "nsm"),
        [
            rf"\b(?:keep\w*|kept|sav\w*|hid\w*|hoard\w*|stash\w*) (?:\w+ ){{0,2}}{_PILLS}\b(?: \w+){{0,4}} instead of "
            r"(?:taking|swallowing|using) (?:them|it)\b",
            r"\b(?:check\w*|look\w* up|googl\w*|search\w*|research\w*|find out|found out|work\w* out|measur\w*"
            r"|wonder\w*) how deep (?:the )?(?:\w+ )?(?:river|water|lake|canal|reservoir|quarry|weir|sea|loch)\b",
            r"\b(?:times|timings|timetable|schedule|when)\b(?: of| for)? (?:the )?(?:fast|express|freight|non-?stop)\b"
            r"(?: trains?)?(?: that| which)? (?:\w+ ){0,2}(?:without stopping|doesnt stop|dont stop|do not stop)\b",
            rf"\b(?:picked|chosen|chose|found|decided on|settled on) (?:a|the|my) (?:spot|place|location)\b.{{0,60}}"
            rf"\b(?:{_PLACE}|top floor)\b",
            rf"\b(?:{_STORE_MEANS}|knife|knives|razors?|blade)\b.{{0,60}}\b(?:keep|cant stop|been"
            rf"|started) thinking about (?:it|them"
            r"|using (?:it|them)|what (?:its|theyre|it is|they are) for)\b",
            rf"\b(?:{_PLACE}|cliff path|cliff top|edge)\b.{{0,80}}\bhow (?:easy|quick|simple|fast|painless) it would"
            r" be" + _HOW_EASY_END,
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "ns"),  # "climb" is the point here, not a climbing wall
        [
            rf"\b{_PLACE}\b.{{0,60}}\b(?:where|how|if) (?:id|i would|i could|i can|to|ill) (?:climb|get) (?:over"
            rf"|through"
            r"|past|onto)\b",
            # a cover story for buying the means: "told the man it was for the garden"
            rf"\b(?:{_STORE_MEANS}|knife|knives)\b.{{0,60}}\b(?:told|said to|telling|lied to) (?:the \w+|him|her|them"
            r"|\w+) (?:that )?(?:it was|they were|its|theyre|it is|they are) for\b",
        ],
    ),
    # --- families added with crisis_dev3.jsonl ---
    (
        ("suicidal ideation", URGENT, "ideation", "n"),
        [
            # forum and algospeak shorthand: "ctb" (catch the bus), "self-deletion"
            r"\bctb\b|\bself[ -]?deletion\b|\b(?:thoughts of|think\w* about|want to|wanna) self[ -]?delet\w*"
            r"|\bdelet(?:e|ing) myself\b(?! (?:from|off)\b)",
            r"\b(?:want|wanna|going|gonna|need|ready)(?: to)? unalive(?= *(?:$|[,.!?;]|tonight|today|soon|so bad|tbh"
            r"|honestly|rn|fr)\b)",
            rf"\b{_SUICIDE} (?:thoughts|urges|feelings|ideation)\b(?! (?:are|have|were) (?:gone|over|fading|passed"
            r"|less|rarer|quieter)\b)",
        ],
    ),
    (
        ("suicidal ideation", URGENT, "ideation", "ns"),
        [
            # a recent attempt or a near one; history is downgraded by PAST like any other hit
            r"\b(?:tried|try|trying|attempted|attempting) to (?:kill myself|take my (?:own )?life|end my (?:own )?life"
            r"|die)\b",
            r"\b(?:nearly|almost|so close to|came close to) (?:went |going |go |gone )?through with it\b|\b(?:nearly"
            r"|almost|so close to|came close to) (?:killed|killing|kill) myself\b|\b(?:nearly|almost|so close to"
            r"|came close to) (?:ended|ending|end) (?:it all|my life|everything)\b",
        ],
    ),
    (
        ("suicidal ideation", URGENT, "ideation", "nsr"),
        [
            r"\b(?:tried|attempted) to end it\b(?! (?:with|between)\b)",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            r"\b(?:want|wish) (?:my life|my existence|this life) (?:to|would|could) (?:just )?(?:be over|end|stop)\b"
            r"|\bfor my life to (?:be over|end)\b",
            rf"\b(?:{_SUICIDE}|dying|being dead|killing myself|ending it|not existing) (?:is|are) (?:all|the only"
            r" thing) i (?:can )?(?:think about|want)\b",
            # relief or indifference at the thought of one's own death, either way round
            r"\bif (?:i|today|tonight|tomorrow) (?:died|was gone|were gone|got hit|was hit|got killed|was killed"
            r"|never woke up|didnt wake up|was my last (?:day|night)|were my last (?:day|night))\b(?: \w+){0,8} (?:id"
            r"|i would|i wouldnt|i would not)(?: honestly| really| genuinely| actually)? (?:be )?(?:relieved|glad"
            r"|grateful|mind|welcome it)\b",
            r"\b(?:id|i would|i wouldnt|i would not)(?: honestly| really| genuinely| actually)? (?:be )?(?:fine|okay"
            r"|ok|relieved|glad|at peace|mind|grateful) if (?:today|tonight|this) (?:was|were|is) (?:my|the) last"
            r" (?:day|night)" + _CLAUSE_END,
            r"\b(?:id|i would|i wouldnt|i would not)(?: honestly| really| genuinely| actually)? (?:be )?(?:relieved"
            r"|glad|mind|grateful) if i (?:died|got hit|was hit|got killed|was killed|never woke up|didnt wake up"
            r"|dont wake up)\b",
            # "why am I still alive", "I don't know why I keep surviving"
            r"\bwhy (?:am i|im|do i keep|i am) (?:still )?(?:alive|breathing|surviving|here (?:on this earth"
            r"|in this world))\b",
            r"\b(?:dont know|no idea|not sure|wonder) why i (?:keep (?:surviving|waking up|breathing|existing|living"
            r"|being alive)|(?:am|im) still (?:alive|breathing))\b(?! (?:at|early|in|on|up|so|every|with|through)\b)",
            r"\bwhy i (?:even )?(?:keep|bother) (?:going|going on|carrying on)" + _SENTENCE_END,
            # death as rest or relief: "death honestly sounds like rest", "I'd welcome death"
            r"\b(?:death|being dead|not existing|not being (?:here|alive)|not waking up|dying)(?: honestly| really"
            r"| just| actually| kind of| almost)? (?:sounds|seems|feels|looks|is starting to (?:sound|feel|look)"
            r"|has started to (?:sound|feel|look)|would be|is)(?: so| really| honestly| kind of| almost| quite)?"
            r" (?:like )?(?:a |an |the )?(?:rest|relief|peace|peaceful|restful|appealing|tempting|inviting|welcome"
            r"|freedom|release|escape|mercy|comforting|only way out|only (?:option|answer|escape|solution))\b",
            r"\b(?:welcome|welcomed|welcoming|long(?:ing)? for|crav(?:e|ing)|yearn(?:ing)? for) (?:death|dying"
            r"|being dead|the end|my (?:own )?death|not existing)\b(?! (?:of|to|scene|metal|match|credits)\b)",
            r"\b(?:thought|idea|prospect|fantasy) of (?:not existing|not being (?:here|alive|around)|dying(?! (?:my"
            r"|her|his|your|the|it|them)\b)|being dead|death|not waking up|never waking up|ending it|disappearing"
            r" forever|my own death)\b(?: \w+){0,6} (?:comfort\w*|calm\w*|sooth\w*|relief|reliev\w*|peace\w*"
            r"|appeal\w*|tempt\w*|only thing (?:that )?(?:helps|keeps|gets|calms))",
            r"\b(?:think\w*|thought|dream\w*|fantasi[sz]\w*) (?:about|of) (?:not|never) (?:coming back|going home"
            r"|being (?:here|around|alive)|waking up|existing|having to wake up)(?= *(?:$|[,.!?;]|any ?more|again"
            r"|at all|ever))",
            r"\b(?:dont|do not|stopped|no longer|doesnt|barely) (?:even )?(?:care|caring|mind|matter\w*)\b(?: \w+)"
            r"{0,2} (?:whether|if) i (?:live|die|wake up|survive|make it|am alive|lived|died)\b(?! (?:trying|doing|in"
            r"|on|at|to|for|up)\b)",
            r"\b(?:dont|do not|dont really) (?:want|wanna) to (?:stick|hang|stay) around(?= *(?:$|[,.!?;]|any ?more"
            r"|much longer|any longer|to (?:see|watch|find out)|for (?:it|that|this|any of it|much longer)))",
            r"\bincluding (?:on )?(?:staying alive|being alive|keeping myself alive|living|life|wanting to live)"
            + _CLAUSE_END,
            r"\b(?:dont|cant|do not|cannot|can not) (?:see|picture|imagine) (?:myself|me) (?:making it|lasting"
            r"|surviving|getting|being around) (?:to|till|until|through|past|into|another) (?:the |next |this )?(?:next year"
            r"|christmas|new year|my (?:next )?birthday|summer|spring|autumn|winter|the end of (?:the|this) (?:year"
            r"|month)|(?:another|next) (?:year|month|week)|\d+|thirty|forty|fifty)\b",
            r"\bhow (?:easy|simple|quick|nice|peaceful|tempting) it would be to (?:just )?(?:not wake up|never wake up"
            r"|die|not exist|stop existing|disappear forever|end it|not be here|(?:stop|let go)" + _CLAUSE_END + r")",
            r"\b(?:think\w*|thought) (?:of|about) (?:a |my |the |possible |different )?ways? out\b(?= *(?:$|[,.!?;]"
            r"|and not|but not|again))",
            # second-person self-talk: "you should just die", "nobody would care if you were gone"
            r"\byou (?:should|ought to|need to|might as well|may as well) (?:just )?(?:die|kill yourself|end it"
            r"|disappear (?:forever|for good)|not exist|stop existing)\b(?! (?:to|in|on|at|of|trying|laughing|first"
            r"|with|your|my|it|the|her|his|them)\b)",
            r"\byou (?:dont|do not) deserve to (?:be alive|live|exist|be here)\b|\bwhy are you (?:even )?still"
            r" (?:alive|breathing)\b",
            r"\b(?:doing|do|does) (?:everyone|everybody|them|the world|us all) a favou?r (?:if|by) you (?:just )?(?:di"
            r"(?:s|ss)app?eared|died|were gone|was gone|went away for good|didnt exist|left for good|killed"
            r" yourself)\b|\b(?:nobody|no one|noone) would (?:even )?(?:care|notice|miss you) if you (?:were|was"
            r"|went) (?:gone|dead|missing|not here)\b",
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "nsg"),
        [
            # a future the writer expects not to be in: "I keep thinking I won't be around for it"
            r"\b(?:keep thinking|feel like|i know|im sure|im pretty sure|something tells me|have a feeling)(?: that)?"
            r" i (?:wont|will not|am not going to|im not going to) be (?:around|here|alive) (?:for|to see)\b(?! (?:dinner"
            r"|lunch|breakfast|tea|work|a (?:bit|while|few)|the (?:meeting|party|match|game|call|delivery|weekend"
            r"|start|first))\b)",
            r"\b(?:decided|know|im sure|doubt)\b(?: that)? (?:i (?:wont|will not) |(?:im|i am|ill|i will|i) (?:not|never)"
            r" (?:going to )?)be"
            r" (?:here|around|alive) (?:for|by|to see) (?:christmas|my birthday|new year|the new year|summer|spring"
            r"|next year|the wedding|\w+s (?:wedding|birthday|graduation))" + _SENTENCE_END,
            r"\b(?:think\w* (?:of|about)|want(?:ed)? to|wanna|ready to|might|going to|gonna) check(?:ing)? out"
            r" early(?= *(?:$|[.!?;]|,? (?:for good|permanently|forever)))",
            r"\blike (?:it was|it is|its|it were|this was|this is) the last time\b.{0,30}\b(?:because|cos|cause|since"
            r"|as) (?:it|this) (?:is|was|will be|probably is|really is|might be|could be|may be)" + _CLAUSE_END,
        ],
    ),
    (
        ("hopelessness", CONCERN, "ideation", "n"),
        [
            r"\b(?:cant|cannot|can not|dont want to|couldnt) (?:do|face|live|survive|take|endure|go through|bear"
            r"|stand) (?:another|\w+ more) (?:\w+ )?(?:years|decades|lifetimes?) of (?:this|it|life|feeling (?:like )?"
            r"this|living like this)" + _SENTENCE_END,
        ],
    ),
    (
        ("feeling like a burden", CONCERN, "ideation", "n"),
        [
            # "Mum would have one less thing to worry about if I wasn't around"
            r"\b(?:one less|fewer|less)\b(?: \w+){1,4} if i (?:just )?(?:wasnt|werent|was not|were not|was gone"
            r"|were gone|didnt exist) ?(?:here|around|alive|in (?:the|their|his|her) (?:picture|lives|life|way))?"
            + _CLAUSE_END,
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "ns"),
        [
            r"\bmy (?:own )?funeral (?:playlist|songs?|music|readings?|outfit|plans?|arrangements)\b",
            r"\bgot as far as (?:writing|starting|finishing) (?:the|a|my) (?:note|letter|goodbye)",
            r"\b(?:have|got|made|making) a plan\b(?! (?:for|with|to (?:get|see|start|go|study|save|tackle|deal|cope"
            r"|manage|stay safe|keep safe)))\b.{0,50}\b(?:calm|peaceful|at peace|relieved|relief|lighter)\b",
            r"\b(?:saved up|stashed|stockpiled|hidden away|put aside|squirrelled away)\b.{0,60}\b(?:whether|if)"
            r" (?:its|it is|theyre|they are|thats|that is|i have|ive got|its going to be) enough\b(?! (?:for|to"
            r" (?:buy|cover|pay|get|afford)|money)\b)",
        ],
    ),
    (
        ("goodbye or preparation", CONCERN, "prep", "nsg"),
        [
            r"\b(?:tied|tie|tidied|tidying) up (?:all )?(?:my |the )?loose ends(?= *(?:$|[,.!?;]|now))",
            r"\bso (?:theres|there is|therell be|there will be) (?:nothing|less) (?:left )?(?:for (?:anyone|them"
            r"|anybody|my \w+) )?to (?:deal with|sort(?: out)?|clear(?: up)?|clean up|go through|sort through)"
            r" (?:after|afterwards|when im gone|once im gone|later)" + _CLAUSE_END,
        ],
    ),
    (
        ("self-harm", URGENT, "selfharm", "ns"),
        [
            # "sh" is the usual shorthand for self-harm
            r"\bsh\b(?= again| urges?| relapse| tonight)|\brelaps\w* (?:on|with|into|back into) (?:sh|self[ -]?harm)\b",
        ],
    ),
    (
        ("self-harm", CONCERN, "selfharm", "ns"),
        [
            r"\b(?:want|wanted|wanna|need|needed|crave|craving|itching) (?:to )?(?:see|feel) (?:my own |some )?blood\b"
            r"(?= *(?:$|[,.!?;]|again|tonight|so\b|right now|on my))",
            r"\b(?:hid\w*|lock\w* (?:up|away)|gave away|got rid of|hand\w* over) (?:the |my |all (?:the|my) )?(?:sharp"
            r" (?:things|stuff|objects)|sharps|blades|razors?|knives|scissors)\b(?: \w+){0,3} from myself\b(?=.{0,40}"
            r"\b(?:(?:isnt|is not|not|stopped|no longer) (?:working|helping|enough)|(?:found|got|took) (?:them|it)"
            r" (?:back|out|again)))",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "ns"),
        [
            # a means, then the thought of how easy it would be (the sentence ends there)
            r"\b(?:traffic|lorr(?:y|ies)|trains?|tracks|balcony|window|motorway|road|water|river|sea|bridge|roof"
            r"|ledge|edge|cliffs?|platform|car park)\b.{0,60}\bhow (?:easy|quick|simple|fast|painless) it would be"
            + _HOW_EASY_END,
        ],
    ),
    (
        ("passive suicidal ideation", CONCERN, "ideation", "ns"),
        [
            # anger at still being alive: "furious that my heart is still beating"
            r"\b(?:furious|angry|annoyed|gutted|disappointed|upset|bitter|resent\w*|hate|hating) (?:that |when )?(?:my"
            r" heart (?:is )?still beat\w*|im still (?:alive|here|breathing)|i (?:survived|woke up again)|i keep"
            r" waking up)\b",
            # hoping an illness, an operation or an accident ends it
            r"\b(?:hop\w*|wish\w*|pray\w*)\b(?: \w+){0,4} (?:illness|disease|cancer|something|virus|infection)(?: \w+)"
            r"{0,2} (?:that |which )?(?:takes|will take|would take|kills|will kill|would kill) me\b",
            r"\b(?:hop\w*|wish\w*|pray\w*) (?:that )?(?:the|my) (?:surgery|operation|an(?:a)?esthetic|treatment"
            r"|flight|plane) (?:goes|would go|will go|went) wrong\b",
            # afraid of having to go on, not of dying
            r"\b(?:scared|afraid|terrified|frightened) of (?:having to )?(?:keep living|keep going|go on living|stay"
            r" alive|staying alive|being alive|living)" + _CLAUSE_END,
            r"\b(?:dont|do not) want to be (?:saved|rescued|resuscitated|revived)(?= *(?:$|[.!?;]|this time|again"
            r"|any ?more))",
            r"\b(?:relief|peace|quiet|calm) of (?:it all|everything|all of it|all of this|this|life) (?:being over"
            r"|ending|stopping)" + _SENTENCE_END,
            r"\b(?:nobody|no one|noone|who) would (?:even )?(?:come|go|turn up|show up|bother coming) to my funeral\b",
        ],
    ),
    (
        # no "n": in "I don't think I'll survive this year and I'm not sure I want to" the negation is the point
        ("passive suicidal ideation", CONCERN, "ideation", "s"),
        [
            r"\b(?:survive|make it|live|be alive|get through)\b.{0,40}\b(?:not sure|dont know if|dont think) i (?:even"
            r" |really )?(?:want|wanna) to" + _CLAUSE_END,
        ],
    ),
    (
        ("hopelessness", CONCERN, "ideation", "n"),
        [
            r"\b(?:not going to|wont|will not|refuse to|done trying to|not gonna) fight (?:this|it)"
            r" (?:any ?more|any longer)\b",
        ],
    ),
    (
        ("self-harm", URGENT, "selfharm", "na"),
        [
            r"\b(?:cut|burned|burnt|scratched) (?:too deep|deeper|worse|harder)\b(?= than (?:usual|ever|before|last"
            r" time)| last night| tonight| again| this time)",
            r"\b(?:press\w*|pinch\w*|hit\w*|bit(?:e|ing)?|scratch\w*|burn\w*|cut\w*|punch\w*|slap\w*|pull\w* (?:out"
            r" )?my hair)\b.{0,40}\bto feel (?:something|anything|real|alive|the pain)\b",
        ],
    ),
    (
        ("plan or means", URGENT, "plan", "ns"),
        [
            r"\b(?:tempted to|want(?:ed)? to|wanting to|thought about|thinking about|think about|imagin\w*) (?:just )?"
            r"(?:crash\w*|swerv\w*|steer\w*|driv\w*) (?:the |my )?(?:car )?(?:into|off|in front of|on the motorway"
            r"|on purpose)\b(?! (?:the )?(?:car park|drive|garage|parking)\b)",
        ],
    ),
]

# Two statements that count only together, within PAIR_WINDOW characters: "Gave my guitar to Jake. I won't be
# needing it." and "Saturday is the day. Everything's ready." An ordinary farewell or life-admin context
# (GOODBYE_CONTEXT) cancels a pair unless it carries a fourth element, False: after an attempt the hospital *is*
# the context.
PAIR_WINDOW = 300
PAIRS = [
    (
        ("plan or means", URGENT, "plan"),
        re.compile(rf"\b{_PILLS}\b"),
        re.compile(r"\b(?:keep|kept) checking (?:theyre|they are|its|it is|theyve|the \w+ (?:are|is)) still there\b"),
    ),
    (
        ("goodbye or preparation", CONCERN, "prep"),
        re.compile(r"\bsorry (?:to|for) (?:everyone|everything|all of you|you all)\b"),
        re.compile(
            r"\b(?:it )?(?:wont|will not) be (?:for )?(?:much|very) longer\b|\bnot (?:for )?much longer\b"
            r"|\b(?:please )?(?:dont|do not) (?:be sad|cry for me|miss me)\b"
        ),
    ),
    (
        ("goodbye or preparation", CONCERN, "prep"),
        re.compile(
            r"\b(?:gave|given|giving|give|handed|handing|passed|passing) (?:away |out |over |on )?(?:him |her |them "
            r"|\w+ )?(?:all |most |some |half )?(?:of )?my \w+"
        ),
        re.compile(
            r"\b(?:wont|will not|wouldnt|dont|do not|no longer) (?:be )?(?:need|needing|use|using) (?:it|them"
            r"|any of (?:it|them|this)|my \w+|these|those|anything|any of my stuff)(?: any ?more| now| soon"
            r"| much longer| where im going| after)?(?! *(?:since|because|as|now|cos|cause|in|at|for|when|until|till"
            r"|on|this|next|while|during)\b)|\b(?:told|asked) (?:him|her|them) to keep (?:it|them) (?:forever"
            r"|for good)\b|\b(?:said|told \w+) (?:that )?(?:he|she|they) (?:can|could|should) keep (?:it"
            r"|them) (?:forever|for good)\b|\b(?:(?:he|she|they|you) (?:can|will|could|gets? to) |hell |shell |theyll"
            r" |youll )?(?:have|keep|get) (?:them|it) (?:after|afterwards|when im gone|once im gone)" + _SENTENCE_END
        ),
    ),
    (
        ("plan or means", URGENT, "plan"),
        re.compile(
            r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the \d+(?:st|nd|rd|th)?"
            r"|next week|this weekend|next weekend|my birthday)\b (?:is|will be|its going to be) the (?:day|night)"
            + _CLAUSE_END
        ),
        re.compile(
            r"\beverything(?:s| is) (?:ready|set|in place|sorted|prepared)" + _CLAUSE_END + r"|\bmade up my mind\b"
            r"|\bi know what (?:im going to|to|ill) do\b|\b(?:just )?need (?:to find )?the (?:nerve|courage)\b"
        ),
    ),
    # "Worked out which day the flat will be empty. Friday. That's when."
    (
        ("goodbye or preparation", CONCERN, "prep"),
        re.compile(
            r"\b(?:house|flat|place|home)\b (?:\w+ ){0,2}(?:to myself|empty)\b|\b(?:nobody|no one|noone) (?:will be "
            r"|is going to be |is )?(?:home|in|around)\b"
        ),
        re.compile(
            r"\bthats when" + _SENTENCE_END + r"|\b(?:ill|i will|im going to|im gonna) (?:finally )?(?:do it|go through"
            r" with it)(?: then)?" + _SENTENCE_END
        ),
    ),
    # "I hugged him for a long time tonight. I wanted him to remember it."
    (
        ("goodbye or preparation", CONCERN, "prep"),
        re.compile(r"\b(?:hugg?\w*|held|kiss\w*|told (?:him|her|them) i love)\b"),
        re.compile(r"\b(?:wanted|want) (?:him|her|them) to remember (?:it|this|me|that)" + _SENTENCE_END),
    ),
    # "Relapsed. 94 days gone. I used the sharpener blade."
    (
        ("self-harm", URGENT, "selfharm"),
        re.compile(r"\brelaps\w*|\b\d+ days? (?:gone|wasted|down the drain|reset)\b|\bbroke my streak\b"),
        re.compile(
            r"\b(?:used|took out|got out|grabbed|found) (?:a |the |my |an old )?(?:\w+ )?(?:blade|blades|razor|razors"
            r"|compass|scissors)\b"
        ),
    ),
    # "I can't keep doing this. I've made my decision."
    (
        ("hopelessness", CONCERN, "ideation"),
        re.compile(
            r"\b(?:cant|cannot|can not) (?:keep )?(?:do|doing|take|taking) (?:this|it)(?: any ?more)?" + _SENTENCE_END
        ),
        re.compile(
            r"\b(?:made|reached) (?:my|the|a) (?:final )?decision"
            + _SENTENCE_END
            + r"|\bmade up my mind"
            + _SENTENCE_END
        ),
    ),
    # "I'm checking out. Permanently."
    (
        ("passive suicidal ideation", CONCERN, "ideation"),
        re.compile(r"\b(?:check(?:ing)? out|tap(?:ping)? out|bow(?:ing)? out|going to sleep)" + _SENTENCE_END),
        re.compile(r"(?:^|(?<=[.!?;\n…]))\s*(?:permanently|for good|forever)\s*(?=$|[.!?;\n…])"),
    ),
    # "Texted my brother that I love him and to look after Mum. He doesn't know why."
    (
        ("goodbye or preparation", CONCERN, "prep"),
        re.compile(
            r"\b(?:told|texted|messaged|rang|called|wrote to|hugged)\b.{0,60}\b(?:i love (?:him|her|them|you)"
            r"|look after|take care of)\b"
        ),
        re.compile(
            r"\b(?:he|she|they|nobody|no one|noone) (?:doesnt|didnt|dont|does not|did not|do not|wont) (?:know"
            r"|understand|realise|realize) why" + _SENTENCE_END
        ),
    ),
    # After an attempt: "Woke up in A&E. I wish it had worked."
    (
        ("suicidal ideation", URGENT, "ideation"),
        re.compile(
            r"\b(?:woke up in (?:hospital|a&e|icu|the ambulance)|in (?:a&e|hospital|icu) after|after what i (?:did"
            r"|took)|my attempt|tried to (?:end|kill|die)|overdos\w*|survived)\b"
        ),
        re.compile(
            r"\b(?:wish(?:ed)?|wishing) (?:it|that) (?:had )?(?:worked|succeeded)\b|\b(?:angry|annoyed|disappointed"
            r"|gutted|upset|furious) (?:that )?(?:it|i) (?:didnt work|failed|survived|woke up|lived|didnt die)\b"
            r"|\b(?:angry|annoyed|disappointed|gutted|upset|furious) (?:that )?it didnt" + _CLAUSE_END
        ),
        False,
    ),
    # Hiding the truth from whoever screens for risk: "The nurse asked if I'd do it again. I lied and said no."
    (
        ("suicidal ideation", CONCERN, "ideation"),
        re.compile(
            r"\b(?:nurse|doctor|gp|therapist|psychiatrist|counsell?or|crisis team|mental health team|psych)\b.{0,40}"
            r"\basked (?:me )?(?:if|whether)\b.{0,40}\b(?:again|safe|hurt|harm|suicid\w*|thoughts|plans?|kill|end)"
        ),
        re.compile(
            r"\blied\b(?: \w+){0,4} (?:said|saying|told (?:her|him|them)) (?:no|i was (?:fine|okay|ok|safe|alright)"
            r"|i wouldnt|i wasnt|i didnt)\b"
        ),
        False,
    ),
    # "I don't know why I keep going. I don't want to."
    (
        ("passive suicidal ideation", CONCERN, "ideation"),
        re.compile(
            r"\b(?:keep(?:ing)? going|keep(?:ing)? living|go(?:ing)? on living|carry(?:ing)? on|being alive|be alive"
            r"|stay(?:ing)? alive|still (?:here|alive))\b(?! (?:to|back|out|in|on|with|for|at|through|into|up)\b)"
        ),
        re.compile(
            r"(?:^|(?<=[.!?;\n…]))\s*(?:and )?(?:honestly |really |i )?(?:i )?(?:dont|do not) (?:really |even )?(?:want"
            r"|wanna)(?: to)?(?: any ?more)?\s*(?=$|[.!?;\n…])"
        ),
    ),
]

# Weak signals: they only count alongside ideation (or each other) in the same entry.
MEANS = re.compile(
    r"\b(?:bridge|roof|rope|noose|pills|tablets|meds|paracetamol|overdose|lethal dose|ledge|cliffs?|train tracks"
    r"|razor|blade|knives|gun|rifle|shotgun)\b"
)
RESOLVE = re.compile(
    r"\b(?:know|decided) (?:exactly )?what (?:im going to|to) do\b|\bmade up my mind\b|\b(?:going to"
    r"|ill) (?:finally )?do it\b|\benough \w+(?: \w+)? to do it\b|\bi know what (?:its|it is) for\b|\beverything(?:s"
    r"| is) (?:ready|in place)" + _CLAUSE_END + r"|\b(?:just )?need (?:to find )?the (?:nerve|courage)\b"
)
TIMELINE = re.compile(r"\b(?:tonight|this weekend|today is the day|before (?:monday|friday|the weekend))\b")
# "I can't do this anymore" is everyday venting unless the entry is also hopeless.
HOPELESS = re.compile(
    r"\b(?:hopeless|pointless|no point|worthless|give up|giving up|nothing (?:matters|will ever|is ever)|trapped"
    r"|never (?:going to )?get(?:s)? better|no way out|hate myself|im done|tired of (?:fighting|everything|trying)"
    r"|meaningless|empty|numb|permanently|forever|for good|dont see the point (?:of|in) (?:any of it|anything)"
    r"|i (?:just )?want out(?= *(?:$|[,.!?;]))|(?:so )?whats the point(?= *$)|(?:never|ever) going to change"
    r"|done trying|nothing (?:left )?(?:here )?for me (?:here|any ?more|in this world)|none of it (?:will )?matters?"
    r"|wont matter any ?more)\b"
)
IF_HOPELESS = re.compile(
    r"\b(?:cant|cannot|can not) (?:do|take|handle) (?:this|it|any of this) (?:anymore|any ?more|much longer)\b"
    r"|\b(?:cant|cannot|no way i can) (?:keep )?liv(?:e|ing) like this\b|\b(?:just )?want (?:everything|it all|it"
    r"|the pain) to (?:end|stop|be over)\b|\bi (?:just )?want (?:it )?to stop(?= *(?:$|[,.!?;]))|\b(?:want"
    r"|wanna) to just stop(?= *(?:$|[,.!?;]))|\bi (?:just )?want out(?= *(?:$|[,.!?;]))|\b(?:dont|do not) (?:want"
    r"|wanna) to (?:live|go on|keep living|keep going) like this\b|\bi (?:just )?want to go(?= *$)"
    r"|^\s*(?:im )?(?:going|leaving|doing it|ending it) (?:tonight|today|tomorrow|soon|now)(?= *$)"
    r"|\bsoon (?:none of )?(?:it|this|anything) (?:wont|will not|will no longer) matter\b"
)

# Suppressors: reasons a match is not the writer's own, current crisis.
# An urge the entry says was ridden out ("had an urge to self harm but called Sophie instead, it passed") is coping,
# not a current crisis: URGE marks the hit, COPED the rest of the entry.
URGE = re.compile(r"\burges?\b")
COPED = re.compile(
    r"\b(?:(?:the )?urges? (?:passed|went away|faded|eased|subsided|died down)|instead(?! of)|didnt act on (?:it|them)"
    r"|resisted (?:it|them)|rode (?:it|them) out|used my (?:skills|coping|safety plan)|(?:it|the feeling) passed)\b"
)
NEGATION = re.compile(
    r"\b(?:not|never|no longer|dont|doesnt|didnt|wont|wouldnt|cant|cannot|couldnt|isnt|arent|wasnt|havent|hasnt|nor"
    r"|no)\b((?:\s+\w+){0,3})\s*$|\b(?:dont|do not|didnt|never|no longer) (?:really |actually )?(?:think|believe"
    r"|reckon|feel like)((?:\s+\w+){0,4})\s*$|\b(?:dont|do not|didnt|havent|have not) (?:have"
    r"|got) any (?:\w+ )?(?:plans?"
    r"|intentions?|intent|desire|wish|urges?) (?:at all )?(?:to|of)\s*$"
    r"|\b(?:not once|never once|at no point|not a single time)\b(?:\s+\w+){0,6}\s*$"  # "Not once this month have I"
)
# "I can't stop thinking about killing myself" and "I don't know why I want to die" are not negations.
REVERSAL = {"stop", "help", "wait", "know", "tell", "say", "understand", "explain", "believe", "admit", "hide"}
REVERSAL |= {"why", "how", "if", "whether", "anyone", "see", "care", "mind", "keep"}
# Verbs that take a clause: after "I don't think" or "I never said", an "I" is still inside the negation; after
# "im not okay" an unpunctuated "i" starts a new clause.
CLAUSE_VERBS = set(
    "think thought believe reckon feel felt like say said saying mean meant claim pretend wish know suppose guess"
    " that if whether sure".split()
)
# Someone else's words in quotes: 'Jake texted "I'm going to throw myself off a cliff"'.
REPORTED = re.compile(
    r"\b(?:said|says|texted|texts|wrote|writes|messaged|posted|tweeted|joked|jokes|yelled|shouted|screamed|goes|went"
    r"|replied|commented|captioned)(?: to (?:me|us|him|her|them|everyone))?\s*[,:]?\s*$"
)
ASKED = re.compile(  # screening questions, not statements: the match is the question's object, a few words on
    r"\basked (?:me )?(?:if|whether|about (?:any )?(?:thoughts|feelings|urges) (?:of|about))(?: \w+){0,5}\s*$"
)
# Someone else's thoughts, told without quotes: "she told me she'd been thinking about suicide".
REPORTED_THOUGHT = re.compile(r"\b(?:hed|shed|theyd|hes|shes|he has|she has|they have|theyve) been\s*$")
CLAUSE = re.compile(r",|\b(?:but|and|because|so|though|although|yet)\b")
SUBJECT = re.compile(
    r"\b(i|im|ive|id|ill|me|myself|we|us|he|she|they|hes|shes|theyre|him|her|them|his|their|you|youre|someone"
    r"|somebody|people|character|narrator|friend|brother|sister|mom|mum|mother|dad|father|son|daughter|cousin|uncle"
    r"|aunt|gran|grandma|grandad|grandpa|husband|wife|boyfriend|girlfriend|partner|colleague|coworker|boss|patient"
    r"|client|student|man|woman|guy|girl|kid|teenagers?|singer|author|neighbou?r)\b"
)
FIRST = {"i", "im", "ive", "id", "ill", "me", "myself"}  # "we" is deliberately not the writer alone
FIGURATIVE_AFTER = re.compile(
    r"^\s*(?:(?:of|from) (?:embarrassment|shame|laughter|laughing|boredom|cringe|envy|the heat|hunger)|laughing"
    r"|my hair|for (?:forgetting|not|being|saying|doing|missing|eating|letting)\b|in the foot|to get (?:ready|fit)"
    r"|(?:at|over|with) (?:the gym|work|training|revision|studying)|(?:\w+ ){0,3}(?:at \d+|when im (?:old|\d+)))"
)
JOKE = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|jk|just kidding|kidding|joking)\b|[😂🤣💀]")
PURE_JOKE = re.compile(r"\b(?:jk|just kidding|only joking)\b")
TRIVIAL = re.compile(
    r"\b(?:meetings?|spreadsheets?|excel|emails?|inbox|zoom|printer|commute|traffic|queue|mondays?|homework|essay"
    r"|group project|presentation|deadlines?|paperwork|karaoke|small talk|ikea|assignment|client|manager|office"
    r"|shift|work|song|songs|jingle|advert|ad|ringtone|playlist|tutorial)\b"
)
HYPERBOLE = re.compile(r"\b(?:if (?:i|we) (?:have to|hear|get|see)|one more|another|mak(?:es?|ing) me want to)\b")
MEDIA = re.compile(
    r"\b(?:song|lyrics?|book|novel|poem|film|movie|show|series|episode|character|narrator|chapter|album|chorus|verse"
    r"|quote|play|sings?|podcast|documentary|article)\b"
)
ACCIDENT = re.compile(
    r"\b(?:shaving|chopping|cooking|kitchen|knife slipped|slipped|accident(?:ally)?|by mistake|paper|glass|gym"
    r"|workout|deadlifts?|lifting|running|football|playing|training|oven|stove|tray|pan|iron|kettle|hob|fell|tripped"
    r"|falling|hiking|climbing|skiing|bike|garden(?:ing)?|diy|tin|sun|itch\w*|eczema|rash|bites?|carrying|stairs"
    r"|furniture|sofa|tackle|sprain\w*|twist\w*|pulled a muscle|straighteners|curling iron)\b"
)
ACTIVITY_AFTER = re.compile(
    r"^\s*(?:badly |a bit )?(?:(?:while|when) )?(?:(?!feeling|wanting|trying|hoping|thinking)\w+ing|on (?:a|an|the"
    r"|some)|at (?:the|work)|by accident|accidentally)\b"
)
INTENT = re.compile(r"\b(?:on purpose|deliberately|intentionally|to feel|to punish|because i deserve)\b")
# Everyday uses of means: climbing rope, clay shooting, the kids' medicine, a van under a low bridge.
BENIGN_MEANS = re.compile(  # "it's not for the garden" is no everyday use
    r"\b(?<!not for )(?<!not for the )(?<!not for my )(?:climb\w*|boat|tent|swing|garden\w*|camping|sail\w*|tow\w*"
    r"|washing|clothes ?line|skipping|tug|hammock|knots? class|scouts?|crafts?|macram\w*|gym|pulley|anchor"
    r"|tree ?house|horses?|rigging|kayak|canoe|jetty|harness|belay|abseil\w*|crossfit|clay|pigeons?|range|hunting"
    r"|deer|target|licen[cs]e|gun safe|farm\w*|water pistol|nerf|toy|video games?|airsoft|paintball|glue gun"
    r"|staple gun|nail gun|heat gun|spray gun|cap gun|shaped|army|police|cadets?|van|lorry|height restriction"
    r"|clearance|trainspotting|model railway|photos?|museum|(?:out of|within) (?:the )?(?:kids|childrens|toddlers"
    r"|babys)? ?reach|child ?proof|so the (?:kids|children|baby|toddler|dog) (?:cant|dont|wont)|expired"
    r"|pharmacy returns?|dispos\w*|fever|flu|repeat|refill|dosette|organi[sz]er|pill ?box|for the week|as prescribed"
    r"|holiday|trip|travel\w*|make sure i (?:had|have) enough|running (?:low|out)|order more|need more|top up|colds?"
    r"|cough\w*|headaches?|migraines?|period pain|toothache|back pain|hay ?fever|first aid|symptoms|safe|pregnan\w*"
    r"|essay|dissertation|assignment|course|class|lecture|exam|revision|novel|article|podcast|history|teaching"
    r"|nursing|pharmacology|recipe|baking|cabinet|licen[cs]ed|sunset|views?|viewpoint|lunch|fireworks|ducks|picnic"
    r"|fishing|swim\w*|paddl\w*|walk(?:ing)? the dog|with (?:my )?(?:partner|friends|kids|son|daughter|family|mum|dad))\b"
)
PAST = re.compile(
    r"\b(?:used to|years? ago|months ago|when i was|back (?:then|in)|as a (?:kid|child|teen|teenager)|last year"
    r"|last (?:spring|summer|autumn|fall|winter)|in (?:high school|middle school|secondary school|college|uni"
    r"|my (?:teens|twenties))|in (?:19|20)\d\d|\w+ (?:years?|months?) clean|clean for|in the past|the time i|i once"
    r"|(?:years?|months?|weeks?|days?) (?:today |now )?since (?:i last|the last time)|(?:years?|months?) (?:today "
    r"|now )?since (?:i|my)|at my (?:lowest|worst))\b"
)
RECOVERED = re.compile(
    r"\b(?:clean|recovered|recovery|no longer|grateful|glad|proud|doing (?:so |much )?better|still here|survived"
    r"|how far|(?<!nothing )helped|(?:much |a )?better place|good place|doing well|healed|(?:now|today) (?:i|im)"
    r"|(?:good|better|happy|okay|fine|well) now|these days|nowadays|(?:and )?im (?:okay|ok|alright|safe|alive)"
    r"|(?:years?|months?) well|handed (?:them|it) (?:all )?(?:back|in)|gave (?:them|it) (?:all )?back|(?:therapy"
    r"|counsell?ing|treatment|medication|support) (?:has |have |really )?(?:helped|showed|taught|saved|changed"
    r"|worked)|(?:feeling|it) (?:passed|lifted)|burned them|threw (?:them|it) away|got rid of (?:them|it)"
    r"|volunteer\w*|rebuil\w*|since then|but not (?:any ?more|now)|got (?:help|better)|(?:theyre|they are|its|it is) (?:gone|over) now|(?:not"
    r"|wasnt|isnt) true|the depression (?:talking|lying)|(?:was|is) (?:my|the) (?:illness|depression) (?:talking|lying)"
    r"|(?:years?|months?|weeks?) (?:today |now )?since (?:i last|the last time)|cho(?:se|ose|sen) to stay|celebrat\w*"
    r"|(?:know|realise|realize"
    r"|see) (?:now )?(?:that )?(?:it was|that was|thats|its) (?:a lie|wrong))\b"
)
GOODBYE_CONTEXT = re.compile(
    r"\b(?:airport|station|flight|trip|holiday|visit|leaving|last day|retir\w*|moving|moved|new job|graduation"
    r"|funeral|grave|memorial|colleague|coworker|party|wedding|dinner|charity|declutter\w*|donat\w*|solicitor|lawyer"
    r"|notary|mortgage|pension|insurance|life admin|grown ?up|newborn|surgery|operation|an(?:a)?esthetic"
    r"|bought a (?:house|flat|home)|new (?:house|home)|house purchase|estate|executor|landlord|cleaner|babysitter"
    r"|sitter|revision|exams?|lecture|meeting|thank ?you (?:letters?|cards?|notes?)|christmas cards?|valentines?"
    r"|new years?|allerg\w*|rescue|shelter|abroad|travel\w*|move house|new flat|new house|uni|semester|term|hospice"
    r"|hospital|bedside|while (?:im|i am|were|we are) (?:away|in|on|at)|twins|(?:was|were) born|with my (?:wife"
    r"|husband|partner)|library|school|nursery|charity shop|oxfam|freecycle|vinted|ebay|sold|selling|office"
    r"|handed in my notice|notice period|leaving do|cleared my desk|classmates)\b"
)
EXPLICIT = re.compile(
    rf"{_SUICIDE}|{_SUICIDAL}|self[ -]?harm|\b(?:kill|hurt|cut|burn|harm)\w* {_ME}|\b(?:die|died|dying|dead|death)\b"
    r"|\bburden|\bgoodbyes?\b"
)
# Reasons for a farewell or paperwork given in the sentence before it.
GOODBYE_BEFORE = re.compile(
    r"\b(?:surgery|operation|an(?:a)?esthetic|solicitor|lawyer|moving|move house|flight|trip|holiday|abroad|retir\w*"
    r"|new job|wedding|due date)\b"
)
# "I can't go on living in this mess", "... like this, two hours each way": a chore or a commute named right after
# "can't go on" or "be here", with nothing about life or death in the sentence. (Only these: a job, a boss, the rent
# or a city can be what a crisis is about, and the next sentence is not the same thought.)
EVERYDAY_MATCH = re.compile(r"\b(?:go on|carry on|keep going|be here)\b")
EVERYDAY_AFTER = re.compile(
    r"^ *(?:living |like this,? )?(?:in|with) (?:this|the|my) (?:mess|tip)\b(?! in my head)"
    r"|^ *like this,? (?:\w+ ){0,4}each way\b"
)
EVERYDAY_CANCELLED = re.compile(r"\b(?:die|dead|death|life|alive|point|end|crying|alone)\b")
RELATIONSHIP = re.compile(
    r"\b(?:with (?:him|her|them)|relationship|boyfriend|girlfriend|partner|husband|wife|dating|break ?up|job"
    r"|contract|subscription|lease)\b"
)

# --- embedding prototypes: one statement per line or " | "-separated, grouped by kind ---
# A "plan" prototype matched strongly makes an entry urgent; every other kind makes it a concern.
_PROTOTYPE_TEXT = {
    "ideation": """
I want to kill myself. | I want to die. | I am going to end my life. | I keep thinking about suicide.
I have been having suicidal thoughts. | I don't want to be alive anymore. | I wish I was dead.
I don't want to wake up tomorrow. | I wish I could go to sleep and never wake up. | Dying would be a relief.
There is no reason to go on living. | I have nothing left to live for. | What is the point of living anymore?
I can't go on like this, I want it all to end. | I just want the pain to stop forever. | I don't see any way out.
I want to disappear and never come back. | I don't want to exist anymore. | I wish I could just stop existing.
I wish I had never been born. | I'm so tired of being alive. | I'm tired of existing, every day is too much.
I hope I don't wake up in the morning. | Every night I pray that I won't wake up.
I wish I could vanish forever and nobody would notice. | There is no way out for me.
There's no escape from this pain. | I feel trapped and the only way out is to not be here.
I don't want to be here anymore. | I'd rather not exist. | The world would be better without me in it.
I'm just waiting for it all to be over. | I want everything to stop, permanently. | Life isn't worth living.
I'm done with life. | I can't keep living like this and I don't want to. | I don't think I want to be alive much longer.
I keep thinking about not being here anymore. | Sometimes I wish I could fall asleep forever.
I want to stop feeling anything, ever again. | I hope a car hits me on the way home.
I feel like I'm fading away and I don't want to fight it anymore. | I've given up on living.
I don't want to do this life anymore. | I'm not going to be here much longer.
i just want to not exist anymore honestly | i wish i could sleep forever and never have to feel this again
Went to work, came home, ate, and the whole time I was thinking I don't want to be alive anymore.
I'm so tired of waking up to another day. | Part of me hopes I just don't wake up one day.
It would be easier to not be alive. | I don't want to carry on anymore. | I don't belong in this world.
I've had enough of life. | I'm done with everything, I want out for good. | I can't see a future for me at all.
I'm just existing and I don't want to do it anymore. | I'm exhausted from trying to stay alive.
I'd be happy if I never woke up again. | Sometimes I wish I could just close my eyes and not open them.
I want to go somewhere I'll never have to feel anything. | I want to stop being me. | I'm ready for it all to end.
I wish I could just fade away. | Everything would stop hurting if I wasn't here. | I want to be gone.
I keep imagining what it would be like to not exist. | I can't imagine being alive in a year.
I feel like I'm already gone, I'm just waiting. | I don't have the energy to keep living.
What's the point of me even being here? | Life feels like a trap I can't get out of.
i want to go to sleep forever | i dont want to be here no more | im so done with existing
i cant do life anymore | theres no way out of this for me | i just want everything to stop for good
Nothing will ever get better, and I don't want to be around to find out.
I keep hoping something will happen to me so I don't have to keep going.
Had tea with Mum and smiled through it, but inside I just wanted to stop existing.
Work, gym, dinner, the same as always, and the whole time I was wishing I could disappear forever.
Soon none of this will matter to me.
I keep hoping I'll just slip away in the night. | I'd like to walk into the sea and keep going.
""",
    "burden": """
Everyone would be better off without me. | My family would be happier if I was gone.
I am a burden to everyone. | I won't be a burden much longer. | Nobody would miss me if I disappeared.
They'd be better off if I wasn't around. | I'm just a weight dragging everyone down.
I'm a drain on everyone around me. | My kids deserve better than having me as a parent.
Soon I won't be anyone's problem. | I won't be a problem for them much longer.
It would be kinder to everyone if I just disappeared. | Nobody will have to worry about me for much longer.
Nobody would even notice if I was gone. | All I do is make life harder for the people I love.
They'd be relieved if I was gone, even if they cried at first.
Everyone would cope fine if I was gone. | They would be so much better off. | I ruin everything for everyone.
The world doesn't need me in it. | I'm nothing but a problem for the people around me.
My partner would be better off with someone else and me out of the way. | It'll be easier for everyone soon.
Soon nobody will have to put up with me. | I'm a waste of space and everyone knows it.
I only make my family's life worse. | My parents would have an easier life without me.
i feel like such a weight on everyone | theyd all be happier without me honestly
I keep thinking the kids would be happier if I wasn't around.
""",
    "goodbye": """
I won't be around much longer. | I am saying goodbye to everyone.
I have written letters to the people I love in case I am gone. | I am giving away my things, I won't need them.
I wrote letters to my family so they'll understand why. | I've written a note for my parents for when I'm gone.
I gave my favourite things to my friends, I won't be needing them. | I told everyone I love them one last time.
I've been quietly saying goodbye to people without them knowing. | I won't be writing here again.
If you're reading this, I'm sorry. | Please don't blame yourselves, it wasn't your fault.
I've sorted out my affairs so nobody has to deal with it afterwards. | I hope they can forgive me.
I've made sure my pets will be looked after when I'm gone. | I'm sorry for what I'm about to do.
I've tidied everything up so it's easier for them after. | I've made my peace and I'm ready to go.
I wrote my will even though I'm young. | I've left my passwords and bank details for my family.
I've cancelled my accounts so there's nothing left to sort out.
I've written a letter for each of my children. | I hope my family can forgive me.
I've told my friend to look after my dog if anything happens to me. | I wrote a note explaining everything.
I've made a playlist for my funeral. | I've been giving my things to friends so they have something to remember me by.
I've been saying goodbye without them realising. | I've sorted out who gets what.
I deleted my social media and tidied my room so there's less to deal with.
I've written down my passwords for my sister. | After tonight there will be no more entries. | I'm sorry for everything I've done.
I rang my grandparents tonight to tell them I love them, one last time.
I'm tying up the loose ends so nothing is left for anyone to sort.
I gave my cat to my neighbour and told him it was just for a little while.
""",
    "plan": """
I have been saving up my pills. | I looked up how many pills it would take. | I bought a rope to hang myself.
I thought about jumping off the bridge. | I want to step in front of a train. | Tonight is the night I do it.
I have a plan for how to end it. | I keep staring at the knives and thinking about using them on myself.
I've been stockpiling tablets for weeks. | I have enough tablets saved now. | I looked up the lethal dose.
I've been hiding my medication instead of taking it. | I've been researching methods online.
I've been reading about the most painless way to do it. | I bought a rope and hid it in my room.
I know where the gun is kept and I keep thinking about it. | I held the gun and thought about using it.
I checked how high the bridge is. | I went to the cliffs and looked for a place without a fence.
I stood on the platform waiting for a fast train. | I've picked the date. | I've chosen the day I'm going to do it.
This weekend will be the last one. | I know exactly how and when I'm going to do it. | I've got everything ready.
I drove to the bridge and sat there for an hour. | I keep walking down to the river and staring at the water.
I put all my pills out on the table. | i have the pills ready in my drawer for when i decide
Normal day at work and dinner with friends, but I've been saving my tablets in a drawer.
Went shopping and cooked tea, and I've set a date for when I'm going to do it.
I've been putting a few pills aside every day. | I bought extra paracetamol from different shops.
I know which pills I'd take. | I've been googling overdose amounts. | I found out which medications are lethal.
I've written down my plan. | I've been driving past the bridge every day to look at it.
I'm keeping my dad's old shotgun under my bed. | I worked out how many of my pills would be enough.
I've got everything I need now, I'm just waiting for the right moment. | I've saved up enough sleeping pills.
I found a spot on the bridge where there are no cameras. | I've got a rope hidden in my wardrobe.
I've been looking up how long it takes to die. | I've been reading about how to tie a noose.
I've bought charcoal and tape. | I've been standing too close to the platform edge when the fast trains come.
I sat in the car in the garage with the engine running. | I looked at the tallest car park in town.
I've stopped taking my medication so I can save it up. | I keep my pills in a box for when I'm ready.
i have enough tablets now | ive picked the day
I chose a date last night and I feel strangely calm.
Went to the big Tesco and bought a second lot of paracetamol so the first shop wouldn't notice.
I've worked out when nobody will be home. | Once the holidays are over I'll go through with it.
""",
    "selfharm": """
I cut myself again. | I want to hurt myself. | I burned my skin to feel something. | I hit myself because I hate myself.
I deserve to be in pain, so I hurt myself. | I relapsed and started self-harming again.
""",
}
_HARD_NEGATIVE_TEXT = """
My phone died. | This workout killed me. | I'm dying to see that film. | I'm dead tired after work.
I could kill for a coffee. | I'm so bored I could die. | This spreadsheet makes me want to die, lol.
I would never hurt myself. | I'm not suicidal. | I don't want to die, I want things to change.
I no longer feel like a burden. | I used to self-harm but I have been clean for years.
I watched a documentary about suicide prevention. | My friend's cat died. | My grandmother passed away.
The character in the book wants to die. | If I have to sit through one more meeting I'll scream.
I cut my finger while chopping onions. | I cut my own hair and the fringe is a disaster. | I burned my hand on the oven. | I jumped into the sea with my friends.
I said goodbye to my mum at the airport. | I gave away my old clothes to charity.
I need to pick up my prescription pills. | I'm exhausted and just want to sleep all weekend.
I can't do this job anymore, I'm quitting. | I'm feeling sad but I'll be okay.
I don't want to wake up early tomorrow. | I don't want to go to work tomorrow. | I bought a rope for the garden.
I want to disappear to a beach for a week. | I'm taking my medication every morning as prescribed.
I could sleep forever after that long walk. | I wish I could vanish into a good book all weekend.
There's no way out of this traffic jam. | I'm tired of eating the same dinner every day. | I'm tired of this weather.
I took my tablets this morning as usual. | I sorted my pills into the weekly box. | I bought rope for climbing.
We tied the boat up with a new rope. | We went clay pigeon shooting. | I cleaned my rifle for the hunting season.
I set a date for the wedding. | I booked a date for my driving test. | I picked a date for the party.
I wrote my will with a solicitor after the baby was born. | I wrote thank-you letters after my birthday.
I'm giving my old bike to my nephew. | I said goodbye to my colleagues on my last day at work.
I'm leaving for university next week and said goodbye to everyone. | I left a note for the cleaner.
This is the last entry in this notebook, I'm starting a new one tomorrow. | I watched the trains with my son.
We walked along the cliffs and enjoyed the view. | We drove over the bridge on the way to the coast.
I checked the bus times. | I'm researching methods for my dissertation. | I looked up train times for my trip.
My friend told me she has been saving her pills, so I helped her call a crisis line.
Two years ago I felt like a burden, but now I feel loved. | I used to wish I wouldn't wake up, but I'm better now.
I'm sad today but I know it will pass. | I miss my dad so much. | I'm exhausted and overwhelmed at work.
I feel lonely but I'm going to call a friend. | I feel stuck in my job and want a change.
I'm really anxious about my exam results. | I don't want to be a burden, so I asked my GP for help.
I'm not going anywhere, I want to get better. | I don't want to sleep forever, I just want to rest well.
I have no plans to hurt myself. | The cat sitter will look after the cats while I'm away.
I'll be gone for two weeks on holiday. | I made a plan for the week: gym, work, cook.
Everyone will be fine without me for the weekend. | The team would be better off with a bigger budget.
I'm dreading the meeting tomorrow. | It's the anniversary of mum's death and I visited her grave.
My grandad is writing his will. | I went up to the roof terrace for drinks. | I'm saving up for a holiday.
I looked up how many calories are in a pizza. | I'm giving up chocolate for Lent. | I feel invisible at work.
I'm scared about the surgery, I wrote letters to the kids just in case.
I wish I could sleep in forever at the weekend. | I'm tired of waking up at 5am for this job.
I've been putting aside a bit of money every month. | I bought extra paracetamol because the kids have a fever.
We went to the bridge to feed the ducks. | Made a playlist for the party. | The date is set for the wedding!
I know which pills to take for my migraines now. | I don't belong in this team, I need a new job.
I'm done, I've had enough of this rain. | Soon this will all be over and I can relax, exams finish Friday.
I'm sorry, mum, I forgot your birthday. | If anything happens to me on the trip, Jess has the spare key.
Writing in my journal helps me. | My therapist asked me to keep a journal.
I'll write more in here tomorrow. | I don't want to disappear, I want to be noticed.
Nobody noticed I left the party early. | I keep my tablets in a box in the kitchen.
I waited on the platform for the train to work, it was late again.
Bought rope to hang the hammock in the garden. | I went to get chips and nobody noticed I was gone.
Sat in the park for an hour with a coffee. | I don't think I'll sleep tonight, I'm too excited.
I just want this week to be over. | I can't wait for this term to be over.
I stood on the bridge and watched the fireworks.
Wrote a letter to my future self. | I'm finally getting my life together. | I'm getting the first train tomorrow.
We planned the date of the party. | I collected my prescription and took my tablets.
I gave my old phone to my brother. | I'm clearing out my wardrobe. | I updated my CV and cancelled old subscriptions.
My legs were on fire after the spin class but I felt brilliant afterwards.
I wish I could escape to a cottage by the sea for a few weeks and switch my phone off.
My muscles were burning by the end of the run but it felt great.
I want to disappear off to the mountains for a few weeks and ignore my inbox.
I could sleep for a week after this project. | I need to sleep for a month. | Exams are over, I want to sleep for a year.
I want to kill my brother for eating my chocolate. | There's no future for me at this company, time for a new job.
The divorce is final and I'm relieved it's over. | I sat in the car for a while before I went inside.
Sat in the car park for ages before I could face driving home.
"""


# MiniLM barely registers "not": a sentence and a prototype must agree on whether they are negated.
POLARITY = re.compile(
    r"\b(?:not|never|no|nobody|nothing|none|noone|dont|doesnt|didnt|cant|cannot|wont|wouldnt|isnt|arent|wasnt|havent"
    r"|hasnt|no one|no longer)\b"
)


def _split(block: str) -> list[str]:
    return [s for s in re.split(r"\s*[|\n]\s*", block) if s]


PROTOTYPES = [s for block in _PROTOTYPE_TEXT.values() for s in _split(block)]
PROTOTYPE_KINDS = [kind for kind, block in _PROTOTYPE_TEXT.items() for _ in _split(block)]
HARD_NEGATIVES = _split(_HARD_NEGATIVE_TEXT)
