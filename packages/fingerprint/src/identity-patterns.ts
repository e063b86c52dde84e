/**
 * The built-in phrase patterns of {@link IdentityQuestionDetector}, written as regular-expression
 * sources over normalised text (lowercase, NFKC, Latin and Cyrillic accents removed, English
 * contractions and chat slang expanded). Placeholders in braces are expanded before compiling:
 *
 * - `{B}`: a word boundary on the left (no letter or digit before);
 * - `{END}`: the clause ends here: optional filler words ("exactly", "really", "please", ...),
 *   then punctuation, an emoji or the end of the text. This is what separates "who are you?"
 *   from "who are you voting for?" and "who are youth workers";
 * - `{REF}`, `{PROBLEM}`: English phrases that refer to the assistant or its output, and to a
 *   problem with it; a feedback phrase only counts when its object is one of those or absent
 *   ("report a bug in your answer" but not "report a bug in my app").
 *
 * Chinese and Japanese have no spaces, so their patterns spell out what may follow instead.
 * @internal
 */

/** What the user wants. */
export type DetectedIntent = "identity" | "feedback";

/** Finer grain of a detection. */
export type IdentityCategory =
  | "who_are_you"
  | "name"
  | "model"
  | "creator"
  | "human_or_ai"
  | "verification"
  | "feedback"
  | "custom";

/** One built-in pattern. @internal */
export interface PatternSpec {
  intent: DetectedIntent;
  category: IdentityCategory;
  language: string;
  confidence: number;
  source: string;
}

const FILLERS_EN =
  "exactly|really|actually|anyway|then|now|right now|here|again|though|please|pls|plz|honestly|lol|haha|today|btw|mate|buddy|bro|man|anyways|by the way";
const FILLERS_OTHER =
  // es fr de it pt ru nl
  "exactamente|realmente|de verdad|en realidad|vraiment|exactement|au juste|donc|denn|eigentlich|genau|wirklich|davvero|esattamente|mesmo|realmente|exatamente|на самом деле|такой|такая|такое|eigenlijk|precies|echt";

/** Shared placeholder expansions. @internal */
export const PLACEHOLDERS: Record<string, string> = {
  B: "(?<![\\p{L}\\p{N}_])",
  END: `(?:[,\\s]+(?:${FILLERS_EN}|${FILLERS_OTHER}))*(?=\\s*(?:[?.!,;:…。、¿¡\\p{So}]|$))`,
  MODEL_NAME:
    "(?:chat\\s?gpt|gpt(?:[- ]?\\d(?:\\.\\d)?(?:o|[- ]?turbo|[- ]?mini)?)?|openai|claude|anthropic|gemini|bard|llama|mistral|mixtral|copilot|bing|grok|deepseek|qwen|gemma|ernie|siri|alexa)",
  KIND_EN:
    "(?:an?\\s+)?(?:(?:real|actual|live)\\s+)?(?:ai|a\\.i\\.|bot|robot|human|human being|person|machine|computer|program|chatbot|chat bot|language model|llm|artificial intelligence)",
  REF: "(?:you|yourself|it|that|this|(?:your|this|the|that)\\s+(?:last\\s+|previous\\s+|latest\\s+)?(?:model|assistant|ai|bot|chatbot|chat|conversation|answers?|responses?|replies|reply|outputs?|messages?|tool|service|llm))",
  PROBLEM:
    "(?:(?:a|an|the|this|that|some|your)\\s+)?(?:(?:wrong|incorrect|bad|harmful|offensive|inappropriate|false|dangerous|biased|misleading|unsafe|toxic|rude)\\s+)?(?:problems?|issues?|bugs?|errors?|mistakes?|hallucinations?|concerns?|answers?|responses?|outputs?|content|replies|reply|messages?|abuse|misuse|behaviou?r)",
};
// "are you a bot or a person?": an alternative may follow, in any supported language.
PLACEHOLDERS.OR = "(?:\\s+(?:or|o|ou|oder|of|или|либо)\\s+[^?.!]{1,60})?";
PLACEHOLDERS.TAIL = "(?:\\s+(?:with|about|in|on|from|of|regarding|for|to)\\s+{REF})?{END}";

const id = (category: IdentityCategory, language: string, confidence: number, source: string): PatternSpec => ({
  intent: "identity",
  category,
  language,
  confidence,
  source,
});
const fb = (language: string, confidence: number, source: string): PatternSpec => ({
  intent: "feedback",
  category: "feedback",
  language,
  confidence,
  source,
});

/** The built-in patterns. @internal */
export const BUILT_IN_PATTERNS: readonly PatternSpec[] = [
  // ---------------------------------------------------------------- English, identity
  id("who_are_you", "en", 0.9, "{B}(?:who|what)\\s+are\\s+you{END}"),
  id(
    "who_are_you",
    "en",
    0.85,
    "{B}(?:tell me|explain|say|know|wonder|ask you)\\s+(?:who|what)\\s+you\\s+(?:really\\s+|actually\\s+)?are{END}",
  ),
  id(
    "who_are_you",
    "en",
    0.85,
    "{B}tell\\s+me\\s+(?:a\\s+(?:bit|little)\\s+|more\\s+|something\\s+)?about\\s+yourself",
  ),
  id("who_are_you", "en", 0.8, "{B}introduce\\s+yourself{END}"),
  id(
    "name",
    "en",
    0.9,
    "{B}what\\s+is\\s+your\\s+(?:real\\s+|actual\\s+|full\\s+|model\\s+)?name(?:\\s+and\\s+(?:version|model))?{END}",
  ),
  id(
    "name",
    "en",
    0.85,
    "{B}(?:what\\s+are\\s+you\\s+called|what\\s+do\\s+(?:they|people)\\s+call\\s+you|(?:identify|name)\\s+yourself){END}",
  ),
  id(
    "who_are_you",
    "en",
    0.85,
    "{B}(?:who|what)\\s+am\\s+i\\s+(?:talking|speaking|chatting|dealing)\\s+(?:to|with){END}",
  ),
  id("model", "en", 0.85, "{B}whose\\s+(?:model|ai|bot|chatbot|assistant|llm)\\s+(?:is\\s+this|are\\s+you){END}"),
  id(
    "model",
    "en",
    0.85,
    "{B}(?:what|which)\\s+(?:ai\\s+|language\\s+)?(?:model|llm|ai|version|system)\\s+(?:are\\s+you|you\\s+are)\\s+(?:based|built|running|trained)\\s+on",
  ),
  id("name", "en", 0.85, "{B}(?:do\\s+you\\s+have\\s+a\\s+name|what\\s+(?:should|do|can)\\s+i\\s+call\\s+you){END}"),
  id(
    "model",
    "en",
    0.9,
    "{B}(?:what|which)\\s+(?:ai\\s+|language\\s+)?(?:model|llm|ai|bot|chatbot|assistant|version|system)\\s+(?:are\\s+you|is\\s+this|am\\s+i\\s+(?:talking|speaking|chatting)\\s+(?:to|with)){END}",
  ),
  id(
    "model",
    "en",
    0.85,
    "{B}(?:what|which)\\s+(?:kind|type|sort)\\s+of\\s+(?:ai|model|bot|chatbot|assistant|llm|language model|program|entity|thing)\\s+(?:are\\s+you|is\\s+this){END}",
  ),
  id(
    "model",
    "en",
    0.85,
    "{B}what\\s+is\\s+the\\s+(?:name|version)\\s+of\\s+(?:the|this|your)\\s+(?:model|ai|assistant|bot|chatbot|llm)",
  ),
  id(
    "model",
    "en",
    0.85,
    "{B}(?:what|which)\\s+(?:model|llm|ai)\\s+(?:is\\s+(?:behind|powering|running)|powers|runs)\\s+(?:this|you)",
  ),
  id(
    "model",
    "en",
    0.85,
    "{B}are\\s+you\\s+(?:(?:running|based|built|hosted)\\s+on|(?:powered|made|developed|created|trained|built)\\s+by)\\s",
  ),
  id(
    "model",
    "en",
    0.9,
    "{B}(?:are\\s+you|is\\s+this)\\s+(?:one\\s+of\\s+)?(?:the\\s+|an?\\s+)?{MODEL_NAME}(?:\\s+(?:models?|ai|bots?|llms?))?{OR}{END}",
  ),
  id("human_or_ai", "en", 0.85, "{B}(?:are\\s+you|is\\s+this)\\s+{KIND_EN}{OR}{END}"),
  id("human_or_ai", "en", 0.85, "{B}am\\s+i\\s+(?:talking|speaking|chatting)\\s+(?:to|with)\\s+{KIND_EN}{OR}{END}"),
  id(
    "creator",
    "en",
    0.9,
    "{B}who\\s+(?:made|created|built|trained|developed|designed|programmed|owns|wrote|invented)\\s+(?:you|this\\s+(?:assistant|model|ai|bot|chatbot|llm|chat)){END}",
  ),
  id(
    "creator",
    "en",
    0.85,
    "{B}(?:which|what)\\s+(?:company|organization|organisation|team|lab|firm|people)\\s+(?:made|created|built|trained|developed|owns|designed)\\s+(?:you|this\\s+(?:assistant|model|ai|bot|chatbot)){END}",
  ),
  id(
    "verification",
    "en",
    0.85,
    "{B}prove\\s+(?:(?:who|what)\\s+you\\s+are|(?:that\\s+)?you\\s+are\\s+(?:really|actually|who|what|the|an?|not)|your\\s+identity)",
  ),
  id(
    "verification",
    "en",
    0.85,
    "{B}(?:verify|confirm|authenticate)\\s+(?:your\\s+identity|yourself|who\\s+you\\s+are)",
  ),
  id(
    "verification",
    "en",
    0.8,
    "{B}how\\s+(?:do|can|could|would|should)\\s+i\\s+(?:know|be\\s+sure|tell|trust|verify)\\s+(?:that\\s+)?you\\s+are\\s+(?:really|actually|truly|genuinely|the\\s+real|legit|who|what|not)",
  ),

  // ---------------------------------------------------------------- English, feedback
  fb(
    "en",
    0.9,
    "{B}(?:where|how|who)\\s+(?:can|do|should|could|would|may|will)\\s+i\\s+(?:go\\s+to\\s+)?(?:report|flag)\\s+(?:{PROBLEM}|{REF}){TAIL}",
  ),
  fb(
    "en",
    0.8,
    "{B}(?:where|how)\\s+(?:can|do|should|could|may)\\s+i\\s+(?:report|complain|send\\s+(?:a\\s+)?report)(?:\\s+about\\s+{REF})?{END}",
  ),
  fb(
    "en",
    0.9,
    "{B}i\\s+(?:want|would\\s+like|need|wish|wanna|am\\s+trying|have)\\s+to\\s+(?:report|flag)\\s+(?:{PROBLEM}|{REF}){TAIL}",
  ),
  fb(
    "en",
    0.85,
    "^\\s*(?:report|flag)\\s+(?:(?:an?\\s+)?(?:bug|problem|issue|error|abuse)|(?:this|that|the)\\s+(?:conversation|chat|answer|response|message|reply|output))\\s*[.!?]*\\s*$",
  ),
  fb(
    "en",
    0.8,
    "{B}(?:let|tell|inform|notify)\\s+(?:the\\s+)?(?:developers?|team|makers?|owners?|creators?|company|people\\s+(?:behind|who\\s+made)\\s+(?:this|you))\\s+(?:know|about)",
  ),
  fb(
    "en",
    0.85,
    "{B}(?:support|feedback|contact|complaints?)\\s+(?:email|e-mail|address|page|form|link|channel|contact)\\s+(?:for|of)\\s+{REF}",
  ),
  fb("en", 0.8, "{B}(?:give|leave|gave|add)\\s+(?:a\\s+)?thumbs\\s+down"),
  fb(
    "en",
    0.85,
    "{B}(?:(?:where|how)\\s+)?(?:can|do|should|could|may)\\s+i\\s+(?:send|give|leave|submit|provide|share|post)\\s+(?:my\\s+|some\\s+|any\\s+)?(?:feedback|comments?|suggestions?|a\\s+complaint|complaints|a\\s+review)(?:\\s+(?:about|on|for|regarding|to|of)\\s+{REF})?{END}",
  ),
  fb(
    "en",
    0.85,
    "{B}(?:file|submit|make|lodge|raise)\\s+a\\s+(?:complaint|report|bug\\s+report|ticket)\\s+(?:about|against|on|regarding|for)\\s+{REF}",
  ),
  fb(
    "en",
    0.85,
    "{B}(?:who|how)\\s+(?:do|can|should|could)\\s+i\\s+(?:contact|reach|talk\\s+to|email|write\\s+to)\\s+(?:(?:about|regarding)\\s+(?:problems?|issues?|bugs?|errors?)\\s+(?:with|in)\\s+{REF}|(?:the\\s+)?(?:developers?|makers?|creators?|team|owners?|support|people|company)\\s+(?:of|behind|that\\s+made|who\\s+made|responsible\\s+for)\\s+{REF})",
  ),
  fb(
    "en",
    0.85,
    "{B}(?:is\\s+there\\s+(?:a\\s+way|somewhere|a\\s+place|an\\s+option)|is\\s+it\\s+possible)\\s+to\\s+(?:report|flag)\\s+(?:{PROBLEM}|{REF}){TAIL}",
  ),
  fb(
    "en",
    0.85,
    "{B}where\\s+(?:is|are|can\\s+i\\s+find)\\s+(?:the|your)\\s+(?:feedback|report|reporting|bug\\s+report|complaints?|support)\\s+(?:page|form|link|site|website|channel|button|section)(?:\\s+(?:for|of)\\s+{REF})?{END}",
  ),

  // ---------------------------------------------------------------- Spanish
  id("who_are_you", "es", 0.9, "{B}(?:quien|que)\\s+eres(?:\\s+tu)?{END}"),
  id("who_are_you", "es", 0.9, "{B}quien\\s+es\\s+usted{END}"),
  id("name", "es", 0.9, "{B}(?:como\\s+te\\s+llamas|cual\\s+es\\s+tu\\s+nombre){END}"),
  id("model", "es", 0.9, "{B}(?:que|cual)\\s+modelo\\s+(?:de\\s+(?:ia|lenguaje)\\s+)?eres(?:\\s+tu)?{END}"),
  id(
    "model",
    "es",
    0.9,
    "{B}eres\\s+(?:el\\s+|la\\s+)?(?:{MODEL_NAME}|una\\s+ia|un\\s+bot|un\\s+robot|humano|una\\s+persona|una\\s+inteligencia\\s+artificial){OR}{END}",
  ),
  id("who_are_you", "es", 0.85, "{B}con\\s+quien\\s+(?:estoy\\s+hablando|hablo){END}"),
  id(
    "model",
    "es",
    0.85,
    "{B}con\\s+(?:que|cual)\\s+(?:ia|inteligencia\\s+artificial|modelo|bot|asistente)\\s+(?:estoy\\s+hablando|hablo)",
  ),
  id("creator", "es", 0.9, "{B}quien\\s+te\\s+(?:creo|hizo|desarrollo|entreno|programo|diseno){END}"),
  fb(
    "es",
    0.85,
    "{B}(?:reportar|informar|denunciar|notificar|avisar)(?:\\s+de)?\\s+(?:un|una|el|la|este|esta)\\s+(?:problema|error|fallo|bug|respuesta)(?:\\s+\\p{L}+)?(?:\\s+(?:con|en|de|sobre)\\s+(?:este|esta|el|la|tu|tus)\\s+(?:modelo|asistente|ia|bot|chatbot|respuestas?|chat))?{END}",
  ),
  fb(
    "es",
    0.85,
    "{B}(?:reportar|informar|denunciar|notificar|avisar)(?:\\s+de)?\\s+(?:un|una|el|la)\\s+(?:problema|error|fallo|bug)\\s+(?:con|en|de|sobre)\\s+(?:este|esta|el|la|tu|tus)\\s+(?:modelo|asistente|ia|bot|chatbot|respuestas?|chat)",
  ),
  fb(
    "es",
    0.85,
    "{B}(?:envio|enviar|dejo|dejar|doy|dar|mando|mandar)\\s+(?:comentarios|mi\\s+opinion|feedback|sugerencias|una\\s+queja)\\s+(?:sobre|de|acerca\\s+de)\\s+(?:este|esta|el|la|tu|tus)\\s+(?:modelo|asistente|ia|bot|chatbot|respuestas?|chat)",
  ),

  // ---------------------------------------------------------------- French
  id("who_are_you", "fr", 0.9, "{B}(?:qui|qu'est-ce\\s+que)\\s+(?:es[- ]tu|etes[- ]vous|tu\\s+es|vous\\s+etes){END}"),
  id("who_are_you", "fr", 0.85, "{B}(?:tu\\s+es|t'es|vous\\s+etes)\\s+qui(?:\\s+(?:toi|vous))?{END}"),
  id(
    "who_are_you",
    "fr",
    0.85,
    "{B}a\\s+qui\\s+(?:je\\s+parle|est-ce\\s+que\\s+je\\s+parle|ai-je\\s+affaire|je\\s+m'adresse){END}",
  ),
  id(
    "name",
    "fr",
    0.9,
    "{B}(?:comment\\s+(?:tu\\s+t'appelles|t'appelles[- ]tu|vous\\s+appelez[- ]vous)|quel\\s+est\\s+(?:ton|votre)\\s+nom){END}",
  ),
  id("model", "fr", 0.9, "{B}(?:tu\\s+es|vous\\s+etes)\\s+quel\\s+modele{END}"),
  id(
    "model",
    "fr",
    0.9,
    "{B}quel\\s+modele\\s+(?:d'ia\\s+|d'intelligence\\s+artificielle\\s+)?(?:es[- ]tu|etes[- ]vous){END}",
  ),
  id(
    "model",
    "fr",
    0.9,
    "{B}(?:est-ce\\s+que\\s+)?(?:tu\\s+es|t'es|vous\\s+etes|es[- ]tu|etes[- ]vous)\\s+(?:{MODEL_NAME}|une\\s+ia|un\\s+robot|un\\s+bot|humain|une\\s+personne|une\\s+machine){OR}{END}",
  ),
  id("creator", "fr", 0.9, "{B}qui\\s+(?:t'a|vous\\s+a)\\s+(?:cree|concu|developpe|entraine|fait|programme){END}"),
  fb(
    "fr",
    0.85,
    "{B}(?:signaler|rapporter)\\s+(?:un|une|le|la|ce|cette)\\s+(?:probleme|bug|erreur|reponse)(?:\\s+(?:incorrecte|fausse|inappropriee|offensante|erronee))?(?:\\s+(?:avec|dans|sur|de|concernant)\\s+(?:ce|cet|cette|le|la|ta|tes|votre|vos)\\s+(?:modele|assistant|ia|bot|chatbot|reponses?))?{END}",
  ),
  fb(
    "fr",
    0.85,
    "{B}(?:signaler|rapporter)\\s+(?:un|une|le|la)\\s+(?:probleme|bug|erreur)\\s+(?:avec|dans|sur|de|concernant)\\s+(?:ce|cet|cette|le|la|ta|tes|votre|vos)\\s+(?:modele|assistant|ia|bot|chatbot|reponses?)",
  ),
  fb(
    "fr",
    0.85,
    "{B}(?:donner|laisser|envoyer)\\s+(?:mon\\s+avis|un\\s+avis|un\\s+commentaire|des\\s+commentaires|du\\s+feedback|une\\s+remarque)\\s+(?:sur|a\\s+propos\\s+de|concernant)\\s+(?:ce|cet|cette|le|la|ta|tes|votre|vos)\\s+(?:modele|assistant|ia|bot|chatbot|reponses?)",
  ),

  // ---------------------------------------------------------------- German
  id("who_are_you", "de", 0.9, "{B}(?:wer|was)\\s+(?:bist\\s+du|sind\\s+sie){END}"),
  id("name", "de", 0.9, "{B}(?:wie\\s+(?:heißt|heisst)\\s+du|wie\\s+(?:heißen|heissen)\\s+sie){END}"),
  id("model", "de", 0.9, "{B}welches\\s+(?:ki-?\\s?)?modell\\s+(?:bist\\s+du|sind\\s+sie){END}"),
  id(
    "model",
    "de",
    0.9,
    "{B}(?:bist\\s+du|sind\\s+sie)\\s+(?:{MODEL_NAME}|eine\\s+ki|ein\\s+bot|ein\\s+roboter|ein\\s+mensch|eine\\s+maschine){OR}{END}",
  ),
  id(
    "who_are_you",
    "de",
    0.85,
    "{B}mit\\s+wem\\s+(?:spreche|rede|chatte|schreibe)\\s+ich(?:\\s+(?:hier|gerade|eigentlich))*{END}",
  ),
  fb(
    "de",
    0.85,
    "{B}(?:melde|melden)\\s+(?:ich|wir|man)?\\s*(?:eine|einen|ein|diese|diesen|dieses)\\s+(?:(?:falsche|fehlerhafte|unangemessene|beleidigende)\\s+)?(?:antwort|fehler|problem|bug)",
  ),
  id(
    "creator",
    "de",
    0.9,
    "{B}wer\\s+hat\\s+(?:dich|sie)\\s+(?:entwickelt|erschaffen|gebaut|trainiert|programmiert|gemacht|erstellt){END}",
  ),
  fb(
    "de",
    0.85,
    "{B}(?:ein|einen|das|den)\\s+(?:problem|fehler|bug)(?:\\s+(?:mit|in|bei|zu)\\s+(?:diesem|diesen|dieser|deiner|deinen|ihrer|ihren|dem|der)\\s+(?:modell|assistenten|ki|bot|chatbot|antwort|antworten))?\\s+melden",
  ),
  fb(
    "de",
    0.85,
    "{B}(?:feedback|ruckmeldung)\\s+(?:zu|uber|fur|zum|zur)\\s+(?:diesem|diesen|dieser|deiner|deinen|ihrer|dem|der)\\s+(?:modell|assistenten|ki|bot|chatbot|antwort|antworten)\\s+(?:geben|senden|schicken|hinterlassen)",
  ),

  // ---------------------------------------------------------------- Italian
  id("who_are_you", "it", 0.9, "{B}(?:chi|cosa|che\\s+cosa)\\s+sei(?:\\s+tu)?{END}"),
  id("name", "it", 0.9, "{B}(?:come\\s+ti\\s+chiami|qual\\s+e\\s+il\\s+tuo\\s+nome){END}"),
  id("model", "it", 0.9, "{B}(?:che|quale)\\s+modello\\s+(?:di\\s+ia\\s+)?sei(?:\\s+tu)?{END}"),
  id("model", "it", 0.9, "{B}sei\\s+(?:{MODEL_NAME}|un'ia|un\\s+bot|un\\s+robot|umano|una\\s+persona){OR}{END}"),
  id("who_are_you", "it", 0.85, "{B}con\\s+chi\\s+(?:sto\\s+parlando|parlo){END}"),
  id("creator", "it", 0.9, "{B}chi\\s+ti\\s+ha\\s+(?:creato|sviluppato|addestrato|fatto|programmato){END}"),
  fb(
    "it",
    0.85,
    "{B}segnalare\\s+(?:un|una|il|la|questo|questa)\\s+(?:problema|errore|bug|risposta)(?:\\s+(?:sbagliata|errata|inappropriata|offensiva))?(?:\\s+(?:con|in|su|di|riguardo)\\s+(?:questo|questa|il|la|tua|tue|tuo)\\s+(?:modello|assistente|ia|bot|chatbot|risposte?))?{END}",
  ),
  fb(
    "it",
    0.85,
    "{B}segnalare\\s+(?:un|una|il|la)\\s+(?:problema|errore|bug)\\s+(?:con|in|su|di|riguardo)\\s+(?:questo|questa|il|la|tua|tue|tuo)\\s+(?:modello|assistente|ia|bot|chatbot|risposte?)",
  ),

  // ---------------------------------------------------------------- Portuguese
  id("who_are_you", "pt", 0.9, "{B}(?:quem|o\\s+que)\\s+(?:e|es)\\s+(?:voce|tu){END}"),
  id(
    "name",
    "pt",
    0.9,
    "{B}(?:como\\s+(?:voce\\s+se\\s+chama|te\\s+chamas|se\\s+chama\\s+voce)|qual\\s+e\\s+o\\s+seu\\s+nome){END}",
  ),
  id("model", "pt", 0.9, "{B}qual\\s+modelo\\s+(?:voce\\s+e|e\\s+voce|es\\s+tu){END}"),
  id(
    "model",
    "pt",
    0.9,
    "{B}(?:voce\\s+e|tu\\s+es)\\s+(?:o\\s+|a\\s+|um\\s+|uma\\s+)?(?:{MODEL_NAME}|ia|bot|robo|humano|pessoa){OR}{END}",
  ),
  id("who_are_you", "pt", 0.85, "{B}com\\s+quem\\s+(?:estou\\s+falando|falo|eu\\s+estou\\s+falando){END}"),
  id("creator", "pt", 0.9, "{B}quem\\s+te\\s+(?:criou|desenvolveu|treinou|fez|programou){END}"),
  fb(
    "pt",
    0.85,
    "{B}(?:relatar|reportar|denunciar|informar|comunicar)\\s+(?:um|uma|o|a|este|esta)\\s+(?:problema|erro|bug|resposta)(?:\\s+(?:com|em|na|no|sobre|nesta|neste)\\s+(?:este|esta|o|a|sua|seu|suas|seus)?\\s*(?:modelo|assistente|ia|bot|chatbot|respostas?))?{END}",
  ),
  fb(
    "pt",
    0.85,
    "{B}(?:relatar|reportar|denunciar|informar|comunicar)\\s+(?:um|uma|o|a)\\s+(?:problema|erro|bug)\\s+(?:com|em|na|no|sobre|nesta|neste)\\s+(?:este|esta|o|a|sua|seu|suas|seus)?\\s*(?:modelo|assistente|ia|bot|chatbot|respostas?)",
  ),

  // ---------------------------------------------------------------- Russian (й -> и, ё -> е after normalisation)
  id("who_are_you", "ru", 0.9, "{B}(?:кто|что)\\s+(?:ты|вы){END}"),
  id("name", "ru", 0.9, "{B}как\\s+(?:тебя|вас)\\s+зовут{END}"),
  id("model", "ru", 0.9, "{B}(?:какая|какои)\\s+(?:ты|вы)\\s+модель{END}"),
  id("model", "ru", 0.9, "{B}(?:какая|какои)\\s+модель\\s+(?:ты|вы){END}"),
  id("model", "ru", 0.9, "{B}(?:ты|вы)\\s+(?:{MODEL_NAME}|бот|робот|человек|неиросеть|ии){OR}{END}"),
  id(
    "who_are_you",
    "ru",
    0.85,
    "{B}с\\s+кем\\s+я\\s+(?:сеичас\\s+)?(?:говорю|разговариваю|общаюсь|переписываюсь){END}",
  ),
  id("creator", "ru", 0.9, "{B}кто\\s+(?:тебя|вас)\\s+(?:создал|сделал|разработал|обучил|написал){END}"),
  fb(
    "ru",
    0.85,
    "{B}(?:сообщить|пожаловаться|написать|рассказать)\\s+о\\s+(?:проблеме|ошибке|баге|сбое)(?:\\s+(?:с|в)\\s+(?:этои|этим|твоеи|твоим|вашеи|вашим)\\s+(?:моделью|ботом|ассистентом|ответом|неиросетью))?{END}",
  ),
  fb(
    "ru",
    0.85,
    "{B}(?:сообщить|пожаловаться|написать|рассказать)\\s+о\\s+(?:проблеме|ошибке|баге|сбое)\\s+(?:с|в)\\s+(?:этои|этим|твоеи|твоим|вашеи|вашим)\\s+(?:моделью|ботом|ассистентом|ответом|неиросетью)",
  ),
  fb(
    "ru",
    0.85,
    "{B}(?:оставить|написать|дать)\\s+(?:отзыв|обратную\\s+связь|жалобу)\\s+(?:об?|на|по)\\s+(?:этом\\s+|этои\\s+|твоем\\s+)?(?:ответе|ответу|ответ|ассистенте|ассистента|модели|боте|бота)",
  ),

  // ---------------------------------------------------------------- Dutch
  id("who_are_you", "nl", 0.9, "{B}(?:wie|wat)\\s+(?:ben\\s+(?:jij|je)|bent\\s+u){END}"),
  id("name", "nl", 0.9, "{B}hoe\\s+(?:heet\\s+(?:jij|je)|heet\\s+u){END}"),
  id("model", "nl", 0.9, "{B}welk\\s+(?:ai-?\\s?)?model\\s+(?:ben\\s+(?:jij|je)|bent\\s+u){END}"),
  id(
    "model",
    "nl",
    0.9,
    "{B}(?:ben\\s+(?:jij|je)|bent\\s+u)\\s+(?:een\\s+)?(?:{MODEL_NAME}|robot|bot|mens|ai|machine){OR}{END}",
  ),
  id("who_are_you", "nl", 0.85, "{B}met\\s+wie\\s+(?:praat|spreek|chat)\\s+ik{END}"),
  id("creator", "nl", 0.9, "{B}wie\\s+heeft\\s+(?:jou|je|u)\\s+(?:gemaakt|ontwikkeld|getraind|gebouwd){END}"),
  fb(
    "nl",
    0.85,
    "{B}(?:een|het)\\s+(?:probleem|fout|bug)(?:\\s+(?:met|in|over)\\s+(?:dit|deze|het|jouw|je)\\s+(?:model|assistent|antwoord|antwoorden|ai|bot))?\\s+(?:melden|rapporteren)",
  ),

  // ---------------------------------------------------------------- Chinese (no word spaces: explicit continuations)
  id("who_are_you", "zh", 0.9, "你(?:到底|究竟)?是谁(?=[呀啊呢吗?!。，,.\\s]|$)"),
  id("name", "zh", 0.9, "你叫(?:什么|啥)(?:名字)?"),
  id(
    "model",
    "zh",
    0.9,
    "你是(?:什么|哪个|哪种|哪一个|哪款)(?:ai|人工智能|大)?(?:模型|ai|人工智能|机器人|语言模型|助手)",
  ),
  id("model", "zh", 0.9, "你是(?:不是)?{MODEL_NAME}(?:吗|嘛|么)?(?=[呀啊呢吗?!。，,.\\s]|$)"),
  id("human_or_ai", "zh", 0.85, "你是(?:人|真人|人类|机器人|ai|人工智能|机器)(?:还是|或者|吗|嘛)"),
  id("who_are_you", "zh", 0.85, "我(?:在|正在)?(?:和|跟|与)谁(?:聊天|说话|对话|交流)"),
  id(
    "model",
    "zh",
    0.85,
    "我(?:在|正在)?(?:和|跟|与)(?:哪个|什么|哪种)(?:ai|模型|机器人|人工智能|助手)(?:聊天|说话|对话|交流)",
  ),
  id("creator", "zh", 0.9, "(?:谁|哪家公司|哪个公司)(?:开发|创造|训练|制造|做|创建)了你"),
  id("creator", "zh", 0.9, "你是(?:由)?(?:谁|哪家公司|哪个公司)(?:开发|创造|训练|制造|做|创建)的"),
  fb(
    "zh",
    0.85,
    "(?:在哪里|在哪儿|哪里|怎么|如何|怎样)(?:可以|能|才能)?(?:报告|反馈|举报|投诉)(?:这个|该|你的)?(?:模型|回答|ai|助手|机器人)?的?(?:问题|错误|bug|故障)",
  ),
  fb("zh", 0.8, "(?:回答|答案|模型|助手|ai)[^。？！?!]{0,12}(?:我想|我要|我需要)(?:投诉|举报|反馈)"),
  fb("zh", 0.85, "(?:我想|我要|我需要)(?:反馈|报告|举报|投诉)(?:一下)?(?:这个|你的|该)(?:回答|模型|ai|助手|答案)"),

  // ---------------------------------------------------------------- Japanese
  id("who_are_you", "ja", 0.9, "(?:あなた|君|きみ|お前)は(?:誰|だれ)(?=です|なの|だ|[?？!。、\\s]|$)"),
  id(
    "human_or_ai",
    "ja",
    0.85,
    "(?:あなた|君|きみ)は(?:ai|人間|ロボット|ボット|機械|人工知能)(?:です|なの|か|[?？]|$)",
  ),
  id("who_are_you", "ja", 0.85, "(?:誰|だれ)と(?:話して|話し|チャットして|会話して)"),
  id("name", "ja", 0.9, "(?:あなた|君|きみ)の名前は(?:何|なん|なに)"),
  id("model", "ja", 0.9, "(?:あなた|君|きみ)は(?:どの|どんな|何の|なんの)(?:ai)?(?:モデル|ai)"),
  id("creator", "ja", 0.9, "(?:誰|だれ|どこ|どの会社)が(?:あなた|君|きみ)を(?:作|つく|開発|訓練|トレーニング)"),
  fb(
    "ja",
    0.85,
    "(?:この|その|あなたの)?(?:モデル|回答|ai|アシスタント|チャットボット)の(?:問題|不具合|バグ|エラー)(?:は|を)?(?:どこで|どうやって|どこに)(?:報告|連絡|通報)",
  ),
  fb(
    "ja",
    0.85,
    "(?:回答|このモデル|あなたの回答|このai|アシスタント)(?:について|に関する|への)フィードバックを(?:送|し|お送り|与え|残)",
  ),
];
