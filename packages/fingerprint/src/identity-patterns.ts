/**
 * The built-in phrase patterns of {@link IdentityQuestionDetector}, written as regular-expression
 * sources over normalised text (lowercase, NFKC, Latin and Cyrillic accents removed; English
 * patterns also see contractions, chat slang and common typos expanded). Sources go through the
 * same accent removal, so they may be written with accents. Placeholders in braces are expanded
 * before compiling:
 *
 * - `{B}`: a word boundary on the left (no letter or digit before);
 * - `{END}`: the clause ends here: optional filler words ("exactly", "really", "please", ...),
 *   then punctuation, an emoji, the end of the text, or "and" starting a new question ("who are
 *   you and what can you do"). This is what separates "who are you?" from "who are you voting
 *   for?" and "who are youth workers". A comma followed by "to", "that", "para", "dass", ...
 *   does not end the clause ("who are you, to judge me?" is rhetorical);
 * - word classes (`{MODEL_NAME}`, `{COMPANY}`, `{KIND}`, `{MAKE}`, `{THIS_AI}`, ...): the slots
 *   of a question, so one pattern covers its paraphrases ("who made / built / trained / is
 *   behind / owns" x "you / this chatbot / the assistant");
 * - `{REF}`, `{PROBLEM}` (and per-language `{REF_ES}`, `{PROBLEM_ES}`, ...): phrases that refer
 *   to the assistant or its output, and to a problem with it; a feedback phrase only counts when
 *   its object is one of those or absent ("report a bug in your answer" but not "report a bug in
 *   my app"); `{RQ}` is an English request frame ("where can I", "I want to", "is there a way to").
 *
 * A pattern with `requires` is a two-cue rule: it counts only when both sources match somewhere
 * in the message, typically a complaint about the assistant's answer in one clause and "where do
 * I report it?" in another.
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
  /** A second source that must also match somewhere in the message (a two-cue rule). */
  requires?: string;
}

const r = String.raw;

const FILLERS_EN = [
  "exactly",
  "really",
  "actually",
  "anyway",
  "anyways",
  "then",
  "now",
  "right now",
  "here",
  "again",
  "though",
  "please",
  "pls",
  "plz",
  "honestly",
  "seriously",
  "lol",
  "lmao",
  "haha",
  "xd",
  "today",
  "btw",
  "by the way",
  "tbh",
  "mate",
  "buddy",
  "bro",
  "man",
  "dude",
  "sir",
  "friend",
  "my friend",
  "huh",
  "eh",
  "currently",
  "precisely",
  "even",
  "originally",
  "at all",
  "if i may ask",
  "if you don't mind",
  "may i ask",
  "out of curiosity",
  "just curious",
  "i wonder",
  "in the first place",
  "bot",
  "ai",
  "chatbot",
  "assistant",
].join("|");
const FILLERS_OTHER = [
  // es
  "exactamente|realmente|de verdad|en realidad|entonces|ahora|por favor|amigo",
  // fr
  "vraiment|exactement|au juste|donc|alors|en fait|s'il te plait|s'il vous plait|stp|svp",
  // de
  "denn|eigentlich|genau|wirklich|uberhaupt|bitte|jetzt|nun|so",
  // it
  "davvero|esattamente|allora|quindi|per favore|in realta",
  // pt
  "mesmo|exatamente|afinal|entao|por favor|de verdade|na verdade",
  // ru
  "на самом деле|такой|такая|такое|такие|вообще|вообще-то|же|собственно|именно|сейчас|пожалуйста",
  // nl
  "eigenlijk|precies|echt|dan|nou|nu|alsjeblieft|alstublieft",
].join("|");
// "and" starting a new question ends the clause: "who are you and what can you do?"
const CONTINUATION = [
  r`(?:and|&)\s+(?:when|why|how|where|what|what's|which|who|whom|can|could|do|does|did|are|is|will|would|tell|should)`,
  r`y\s+(?:que|como|quien|donde|cuando|por\s+que|puedes|para\s+que)`,
  r`et\s+(?:que|comment|qui|ou|pourquoi|quel|quelle|tu|vous|peux|est-ce)`,
  r`und\s+(?:was|wie|wer|wo|warum|wozu|kannst|bist|hast|welche[rs]?)`,
  r`e\s+(?:cosa|come|chi|dove|perche|puoi|che|o\s+que|quem|onde|por\s+que|voce|qual)`,
  r`en\s+(?:wat|hoe|wie|waar|waarom|kun|ben|wat)`,
  r`и\s+(?:что|как|кто|где|почему|зачем|ты|вы|откуда|чем|какая|какой)`,
].join("|");
const RHETORICAL_AFTER_COMMA = r`(?:to|that|who|whom|which|para|pour|per|dass|um|om|dat|чтобы|которыи|которая|которое|которому|которого|которои)`;

/** Shared placeholder expansions. @internal */
export const PLACEHOLDERS: Record<string, string> = {
  B: r`(?<![\p{L}\p{N}_])`,
  END:
    r`(?:[,\s]+(?:${FILLERS_EN}|${FILLERS_OTHER}))*` +
    r`(?:(?=\s*(?:[?.!,;:…。、¿¡\p{So}]|$))|(?=\s+(?:${CONTINUATION})(?![\p{L}\p{N}])))` +
    r`(?!\s*,\s*${RHETORICAL_AFTER_COMMA}(?![\p{L}\p{N}]))`,
  MODEL_NAME:
    r`(?:chat\s?gpt|gpt|openai|claude|anthropic|gemini|bard|llama|mistral|mixtral|copilot|bing(?:\s+chat)?|grok|deepseek|qwen|tongyi|gemma|ernie|kimi|chatglm|doubao|baichuan|perplexity|cohere|siri|alexa|cortana|watson|hunyuan|minimax|文心一言|通义千问|豆包|文心)` +
    r`(?:[- ]?(?:\d+(?:\.\d+)*[a-z]?|pro|flash|turbo|mini|nano|sonnet|opus|haiku|ultra|instruct|max|plus|lite|coder|chat|r1|v\d+(?:\.\d+)?|\d+b)){0,4}`,
  COMPANY: r`(?:openai|open\s+ai|anthropic|google(?:\s+deepmind)?|deepmind|meta|facebook|microsoft|amazon|aws|apple|mistral(?:\s+ai)?|alibaba|baidu|deepseek|xai|x\.ai|ibm|nvidia|hugging\s?face|cohere|tencent|bytedance|moonshot|zhipu|stability(?:\s+ai)?|inflection|perplexity)`,
  // What the assistant might be: "a bot", "an AI assistant", "a real person", "a language model".
  KIND_NOUN: r`(?:ai\s+(?:model|assistant|chatbot|system|program|agent|bot|language\s+model)|ai|a\.i\.|bot|robot|human\s+being|humans?|person|people|someone|somebody|machine|computer|program|programme|chatbot|chat\s?bot|large\s+language\s+model|language\s+model|llm|artificial\s+intelligence|neural\s+network|algorithm|script|software|virtual\s+assistant|automated\s+(?:system|response|reply|service|assistant|bot|program|message)|(?:customer\s+(?:service|support)\s+)?(?:agent|rep|representative|operator)|employee)`,
  KIND_ADJ: r`(?:real|actual|live|living|genuine|true|artificial|automated|sentient|conscious|simple|fancy|smart|dumb|trained|mere)`,
  KIND: r`(?:(?:an?|the|some|one)\s+)?(?:(?:{KIND_ADJ}|just|only|merely)\s+){0,2}{KIND_NOUN}`,
  KIND_TAIL: r`(?:\s+(?:made|built|developed|created|trained|owned|run|designed|programmed|powered|operated|controlled)\s+by\s+[^?.!,;]{1,40}|\s+(?:from|by)\s+(?:{COMPANY}|{MODEL_NAME}))?`,
  THIS_AI: r`(?:(?:this|the)\s+(?:ai\s+(?:assistant|model|chatbot|system|tool|bot)|ai|a\.i\.|bot|chatbot|chat\s?bot|assistant|llm|language\s+model|virtual\s+assistant|chat\s+assistant)|this\s+(?:model|chat|system|agent|service))`,
  MAKE: r`(?:made|created|built|trained|developed|designed|programmed|coded|engineered|invented|wrote|produced|released|launched|fine-?tuned|finetuned|deployed|funded|owns|owned|runs|operates|maintains|controls|hosts|makes|develops|trains|builds|manages|funds)`,
  MAKER_NOUN: r`(?:creators?|makers?|developers?|devs|owners?|authors?|parent\s+company|company|manufacturers?|builders?|designers?|programmers?|trainers?|team|organi[sz]ation|provider|vendor|operators?|inventors?|engineers)`,
  // The assistant or its output, as the object of a feedback phrase.
  REF: r`(?:you|yourself|it|that|this|(?:your|this|the|that|these|those)\s+(?:(?:last|previous|latest|recent|earlier|first|second|above|current)\s+)?(?:(?:ai|bot|model|assistant|chatbot|llm)(?:'s|s')?\s+)?(?:model|assistant|ai|a\.i\.|bot|chatbot|chat|conversation|answers?|responses?|replies|reply|outputs?|messages?|tool|service|llm)|your\s+(?:(?:last|previous|latest|recent|earlier|first|second|above)\s+)?(?:advice|suggestions?|translation|summary|code|explanation|information|info|behaviou?r|content)|(?:the\s+)?(?:ai|bot|model|assistant|chatbot)(?:'s|s')\s+(?:answers?|responses?|replies|reply|outputs?|messages?|advice|behaviou?r))`,
  // The same without bare pronouns ("feedback on this" is usually about the user's own text).
  REF_STRICT: r`(?:you|(?:your|this|that|these|those)\s+(?:(?:last|previous|latest|recent|earlier|first|second|above|current)\s+)?(?:(?:ai|bot|model|assistant|chatbot|llm)(?:'s|s')?\s+)?(?:model|assistant|ai|bot|chatbot|answers?|responses?|replies|reply|outputs?|llm)|the\s+(?:ai|bot|model|assistant|chatbot)(?:'s|s')?\s+(?:answers?|responses?|replies|reply|outputs?))`,
  PROBLEM: r`(?:(?:a|an|the|this|that|some|your|these|those|any)\s+)?(?:(?:wrong|incorrect|bad|harmful|offensive|inappropriate|false|dangerous|biased|misleading|unsafe|toxic|rude|inaccurate|made-up|made\s+up|fabricated|hallucinated|racist|sexist|hateful|broken|nonsensical|weird|strange|problematic|factual|serious|major|safety|privacy)\s+){0,2}(?:problems?|issues?|bugs?|errors?|mistakes?|hallucinations?|concerns?|answers?|responses?|outputs?|content|replies|reply|messages?|abuse|misuse|behaviou?r|glitch(?:es)?|inaccurac(?:y|ies)|misinformation|violations?|vulnerabilit(?:y|ies))`,
  BAD: r`(?:wrong|incorrect|false|untrue|inaccurate|offensive|harmful|dangerous|biased|racist|sexist|misleading|made\s+up|made-up|fabricated|hallucinated|nonsense|nonsensical|inappropriate|rude|toxic|broken|unsafe|misinformation|hateful|insulting|disturbing|defamatory|outdated|lies|lying|a\s+lie|errors?|mistakes?|(?:bad|wrong|false|dangerous|harmful|incorrect)\s+(?:advice|information|info|answers?|facts?))`,
  // Who makes or supports the assistant.
  MAKER_REF: r`(?:(?:your|the\s+(?:ai's|bot's|model's|assistant's|chatbot's))\s+(?:{MAKER_NOUN}|support(?:\s+team)?|customer\s+(?:service|support)|help\s*desk)|the\s+(?:{MAKER_NOUN}|people|folks|humans|support\s+team)\s+(?:behind|of|at|that\s+(?:made|built|created|runs?|owns?|trained|developed)|who\s+(?:made|built|created|runs?|owns?|trained|developed)|responsible\s+for)\s+(?:you|{THIS_AI}|this\s+(?:app|site|service|website|chat))|whoever\s+(?:made|built|created|runs|owns|trained|develops|developed|designed|programmed|maintains)\s+(?:you|{THIS_AI}))`,
  // English request frames: "where can I", "I want to", "is there a way to".
  RQ: r`(?:(?:where|how|who|whom)\s+(?:can|do|should|could|would|may|will|shall|might|must)\s+i(?:\s+(?:go\s+to|go\s+and|possibly|actually|even|please))?|(?:where|how|who)\s+to|(?:can|could|may|might|do|should|must|shall)\s+i(?:\s+(?:please|also|just))?|i\s+(?:want|would\s+like|would\s+love|need|wish|wanna|am\s+trying|have|am\s+going|intend|plan|would\s+prefer|had|ought|would\s+have)\s+to|(?:and|so|but)\s+(?:i\s+)?(?:want|would\s+like|need|wish|have)\s+to|i\s+(?:must|should|will|would|shall|can|could|might)|i'll|let\s+me|is\s+(?:there|it)\s+(?:a\s+way|any\s+way|anyway|a\s+place|somewhere|anywhere|an\s+option|a\s+button|a\s+form|a\s+link|a\s+procedure|a\s+process|possible)\s+(?:for\s+me\s+)?to|what\s+is\s+the\s+(?:best\s+|right\s+|proper\s+|correct\s+)?(?:way|place|process|procedure)\s+to|(?:please\s+)?(?:help|show|tell)\s+me\s+how\s+to|how\s+(?:does|do)\s+one|where\s+does\s+one)`,
  // The question-shaped subset of {RQ}: a bare "where can I complain?" asks for a channel.
  RQ_WH: r`(?:(?:where|how|who|whom)\s+(?:can|do|should|could|would|may|will|shall|might|must)\s+i(?:\s+(?:go\s+to|go\s+and|possibly|actually|even|please))?|(?:where|how|who)\s+to|is\s+(?:there|it)\s+(?:a\s+way|any\s+way|anyway|a\s+place|somewhere|anywhere|an\s+option|a\s+button|a\s+form|a\s+link|possible)\s+(?:for\s+me\s+)?to)`,
  // Indirect questions: "can you tell me which model you are", "I wonder if you're a bot".
  INDIRECT: r`(?:tell\s+me|know|wonder|wondering|curious|ask(?:\s+you)?|sure|an?\s+idea|understand|figure\s+out|find\s+out|learn|say|explain|share|reveal|disclose|confirm|clarify|specify|mention|let\s+me\s+know)(?:\s+(?:about|as\s+to))?`,
  // Per-language objects of feedback phrases (the assistant or its output, and a problem with it).
  REF_ES: r`(?:ti|usted|(?:(?:este|esta|ese|esa|el|la|las|los|tu|tus|su|sus|una|un)\s+)?(?:modelo|asistente|ia|bot|chatbot|respuestas?|chat|inteligencia\s+artificial|servicio|conversacion|mensajes?)(?:\s+(?:tuyas?|tuyos?|de\s+la\s+ia|del\s+(?:bot|asistente|chatbot|modelo)))?)`,
  PROBLEM_ES: r`(?:(?:un|una|el|la|este|esta|ese|esa|tu|su|algun|alguna)\s+)?(?:problema|error|fallo|falla|bug|respuesta|contenido|abuso)(?:\s+(?:incorrect[ao]|erróne[ao]|fals[ao]|ofensiv[ao]|inapropiad[ao]|peligros[ao]|mal[ao]|inexact[ao]|equivocad[ao]))?`,
  REF_FR: r`(?:toi|vous|(?:l'|(?:ce|cet|cette|le|la|les|ta|tes|ton|votre|vos|une|un)\s+)?(?:modele|assistant|ia|bot|chatbot|reponses?|chat|intelligence\s+artificielle|service|conversation|messages?)(?:\s+(?:de\s+l'ia|du\s+(?:bot|chatbot|modele)|de\s+l'assistant))?)`,
  PROBLEM_FR: r`(?:(?:un|une|le|la|ce|cet|cette|des|les)\s+|l')?(?:probleme|bug|erreur|reponse|contenu|abus|dysfonctionnement|souci)s?(?:\s+(?:incorrecte|fausse|inappropriee|offensante|erronee|dangereuse|choquante|problematique|bizarre))?`,
  REF_DE: r`(?:dich|(?:(?:diese[mnrs]?|deine[mnrs]?|ihre[mnrs]?|de[mnr]|die|das|eure[mnrs]?)\s+)?(?:modell|assistenten?|ki|bot|chatbot|antwort(?:en)?|chat|dienst|ausgabe|nachricht)(?:\s+(?:der\s+ki|des\s+(?:bots|chatbots|assistenten|modells)))?)`,
  PROBLEM_DE: r`(?:(?:ein|einen|eine|das|den|die|diese[nsm]?)\s+)?(?:(?:falsche|fehlerhafte|unangemessene|beleidigende|gefährliche|problematische|unpassende)n?\s+)?(?:problem|fehler|bug|antwort|inhalt|verstoß|verstoss)`,
  REF_IT: r`(?:te|(?:l'|un'|(?:questo|questa|quest'|il|la|le|i|tua|tue|tuo|tuoi|una|un)\s*)?(?:modello|assistente|ia|bot|chatbot|risposte|risposta|chat|intelligenza\s+artificiale|servizio|conversazione|messaggi|messaggio)(?:\s+(?:dell'ia|del\s+(?:bot|chatbot|modello)|dell'assistente))?)`,
  PROBLEM_IT: r`(?:(?:un'|l'|(?:un|una|il|la|lo|questo|questa|quest')\s*))?(?:problema|errore|bug|risposta|contenuto|abuso|malfunzionamento)(?:\s+(?:sbagliata|errata|inappropriata|offensiva|pericolosa|falsa|scorretta))?`,
  REF_PT: r`(?:voce|(?:(?:este|esta|esse|essa|o|a|os|as|sua|seu|suas|seus|tua|teu|uma|um)\s+)?(?:modelo|assistente|ia|bot|chatbot|respostas?|chat|inteligencia\s+artificial|servico|conversa|mensagens?)(?:\s+(?:sua|tua|dele|da\s+ia|do\s+(?:bot|chatbot|assistente|modelo)))?)`,
  PROBLEM_PT: r`(?:(?:um|uma|o|a|este|esta|esse|essa)\s+)?(?:problema|erro|bug|resposta|conteudo|abuso|falha)(?:\s+(?:errada|incorreta|ofensiva|inapropriada|perigosa|falsa))?`,
  REF_RU: r`(?:(?:этот|этого|этом|этому|эту|эта|этой|твой|твоего|твоем|твоему|твою|твоей|ваш|вашего|вашем|вашу|вашей|последний|последнего|последнем)\s+)?(?:ответ|ответа|ответе|ответу|ответы|ответов|бот|бота|боте|ассистент|ассистента|ассистенте|модель|модели|нейросеть|нейросети|ии|чат-?бот|чат-?бота|чат-?боте)(?:\s+(?:бота|ассистента|модели|нейросети|ии|чат-?бота))?`,
  PROBLEM_RU: r`(?:проблем[еуаы]|ошибк[еуаи]|баг[еуа]?|сбо[ея]|сбой|неточност[ьи]|(?:неправильн|неверн|оскорбительн|опасн)(?:ом|ый|ого)\s+ответ[еа]?)`,
  REF_NL: r`(?:jou|u|(?:(?:dit|deze|het|de|jouw|je|uw)\s+)?(?:model|assistent|ai|bot|chatbot|antwoord|antwoorden|chat|dienst|reactie|reacties|gesprek))`,
  PROBLEM_NL: r`(?:(?:een|het|dit|deze|de)\s+)?(?:(?:fout|verkeerd|onjuist|beledigend|ongepast|gevaarlijk)e?\s+)?(?:probleem|fout|bug|antwoord|reactie|inhoud|misbruik)`,
  // Chinese / Japanese: what may follow a short question.
  ZH_END: r`(?=[呀啊呢吗嘛么啦哇呐哦吧~?!。,.\s…]|还是|或者|$)`,
  ZH_YOU: r`(?:你|您)`,
  ZH_AI: r`(?:ai|人工智能|大模型|模型|语言模型|机器人|聊天机器人|助手|智能助手|系统|程序)`,
  ZH_MAKE: r`(?:开发|创造|创建|训练|制造|做|研发|设计|打造|推出|发布|编写|写|制作)`,
  ZH_WHO: r`(?:谁|哪家公司|哪个公司|哪家企业|哪个团队|什么公司|哪家|哪个机构|哪个组织)`,
  ZH_REF: r`(?:(?:这个|该|你的|这条|此|刚才的|上面的|你们的|这段)?(?:ai|人工智能|模型|回答|答案|回复|助手|机器人|聊天机器人|输出))`,
  ZH_PROBLEM: r`(?:(?:不当|不恰当|错误|有问题|不好|不准确|有害|虚假|冒犯性?|违规)的?)?(?:问题|错误|bug|故障|回答|答案|回复|内容|输出|情况)`,
  JA_YOU: r`(?:あなた|君|きみ|お前|おまえ|貴方|あんた)`,
  JA_END: r`(?=です|でしょう|なの|なん|だ|[?!。、,.\s…]|$)`,
  JA_REF: r`(?:(?:この|その|あなたの|今の|さっきの|上の|先ほどの)?(?:ai|モデル|回答|返答|答え|アシスタント|チャットボット|チャット|出力|サービス))`,
  JA_PROBLEM: r`(?:問題|不具合|バグ|エラー|誤り|間違い|不適切な(?:回答|内容|表現)|おかしな(?:回答|点))`,
};
// "are you a bot or a person?": an alternative may follow, in any supported language.
PLACEHOLDERS.OR = r`(?:\s+(?:or|o|ou|oder|of|или|либо)\s+[^?.!]{1,60})?`;
PLACEHOLDERS.TAIL = r`(?:\s+(?:as|for)\s+(?:being\s+)?(?:an?\s+)?(?:{BAD}|abuse|harassment|hallucination|unhelpful|low\s+quality))?(?:\s+(?:that\s+)?i\s+(?:got|received|saw|found|noticed|had|encountered|spotted))?(?:\s+(?:with|about|in|on|from|of|regarding|for|concerning|to)\s+{REF})?(?:\s+to\s+(?:{MAKER_REF}|(?:the\s+)?(?:developers|team|moderators|support\s+team)))?{END}`;

const id = (category: IdentityCategory, language: string, confidence: number, source: string): PatternSpec => ({
  intent: "identity",
  category,
  language,
  confidence,
  source,
});
const fb = (language: string, confidence: number, source: string, requires?: string): PatternSpec =>
  requires === undefined
    ? { intent: "feedback", category: "feedback", language, confidence, source }
    : { intent: "feedback", category: "feedback", language, confidence, source, requires };

// English feedback: a complaint about the assistant's output, and a bare request to report it.
const COMPLAINT_EN = r`{B}(?:(?:your|this|that|the)\s+(?:(?:last|previous|earlier|latest|first|second|above)\s+)?(?:answer|response|reply|output|message|bot|ai|chatbot|assistant|model)|your\s+(?:(?:last|previous|earlier|latest|first|second|above)\s+)?(?:advice|explanation|information|info|translation|summary|suggestion|code)|(?:the\s+)?(?:ai|bot|chatbot|assistant)(?:'s\s+(?:answer|response|reply|output|advice))?|you)\s+(?:(?:just|clearly|obviously|totally|completely|simply|really|literally|again|also)\s+)?(?:was|is|are|were|seems?|looks?|sounds?|has\s+been|have\s+been|contains?|contained|gave\s+me|gives\s+me|gave|told\s+me|tells\s+me|said|says|included|includes|made|makes|keeps?\s+(?:giving|making|saying))\s+(?:(?:so|very|totally|completely|clearly|just|really|quite|pretty|a\s+bit|kind\s+of|some|an?|the|me|absolutely|dangerously|factually|blatantly|plain|plainly|full\s+of|seriously)\s+){0,3}{BAD}`;
const REPORT_IT_EN = r`{B}(?:(?:where|how|who|whom)\s+(?:can|do|should|could|would|may|will|shall)\s+i|is\s+there\s+(?:someone|somebody|anyone|anywhere|a\s+way|any\s+way|a\s+place|somewhere)\s+(?:i\s+can\s+|to\s+)?|i\s+(?:want|would\s+like|need|wish|am\s+going|have|intend)\s+to|(?:can|could|may)\s+i|i'll|i\s+will|how\s+to|where\s+to|who\s+to)\s+(?:report|flag|complain|escalate|tell|notify|inform|alert|contact|reach|send|submit|let\s+(?:someone|somebody|anyone|them|the\s+\p{L}+)\s+know|file\s+a\s+complaint|make\s+a\s+complaint)(?:\s+(?:it|this|that|them|this\s+one|someone|somebody|anyone|about\s+(?:it|this|that)|to\s+(?:someone|somebody|anyone)))?{END}`;

/** The built-in patterns. @internal */
export const BUILT_IN_PATTERNS: readonly PatternSpec[] = [
  // ---------------------------------------------------------------- English, identity
  id(
    "who_are_you",
    "en",
    0.9,
    r`{B}(?:who|what)(?:\s+(?:and|or)\s+(?:who|what))?(?:\s+(?:exactly|actually|really|precisely|even|on\s+earth|the\s+hell|the\s+heck|tf))?\s+are\s+you{END}`,
  ),
  id("who_are_you", "en", 0.8, r`(?:^|[.!?,]\s*)(?:and|so)\s+you\s+are\s*\?|{B}you\s+are\s+(?:who|what)\s*\?`),
  id(
    "who_are_you",
    "en",
    0.85,
    r`{B}(?:tell\s+me|explain|say|know|wonder|ask\s+you|ask|curious|understand|figure\s+out|find\s+out|learn)\s+(?:who|what)\s+(?:exactly\s+)?you\s+(?:really\s+|actually\s+)?are{END}`,
  ),
  id(
    "who_are_you",
    "en",
    0.85,
    r`{B}(?:tell|talk\s+to)\s+me\s+(?:a\s+(?:bit|little)\s+|more\s+|something\s+|a\s+little\s+bit\s+)?about\s+yourself`,
  ),
  id("who_are_you", "en", 0.8, r`{B}(?:introduce|describe|present)\s+yourself{END}`),
  id("who_are_you", "en", 0.8, r`{B}say\s+(?:something|a\s+few\s+words)\s+about\s+yourself{END}`),
  id(
    "who_are_you",
    "en",
    0.85,
    r`{B}(?:who|whom|what)(?:\s+(?:exactly|actually|really|precisely|the\s+hell|on\s+earth))?\s+am\s+i\s+(?:currently\s+|actually\s+|really\s+|now\s+)?(?:talking|speaking|chatting|dealing|interacting|conversing|communicating|texting|writing)\s+(?:to|with){END}`,
  ),
  id(
    "who_are_you",
    "en",
    0.85,
    r`{B}(?:to|with)\s+whom\s+am\s+i\s+(?:talking|speaking|chatting|dealing|interacting|conversing|communicating){END}`,
  ),
  id(
    "who_are_you",
    "en",
    0.85,
    r`{B}(?:who|what)\s+is\s+(?:answering|replying|responding|talking|writing|chatting)(?:\s+(?:to|with))?\s+(?:me|my\s+(?:questions?|messages?)){END}`,
  ),
  id(
    "who_are_you",
    "en",
    0.75,
    r`^(?:(?:hi|hello|hey|yo|um|uh|so|ok|okay|sorry|excuse\s+me)[,!.\s]+)*who\s+(?:is\s+this|dis)\s*[?!.]*\s*$`,
  ),
  // indirect questions
  id(
    "model",
    "en",
    0.85,
    r`{B}{INDIRECT}\s+(?:what|which)\s+(?:(?:kind|type|sort|version)\s+of\s+)?(?:ai\s+|language\s+)?(?:model|llm|ai|version|system|bot|chatbot|assistant|engine|{MODEL_NAME})\s+(?:you\s+are|this\s+is|i\s+am\s+(?:talking|speaking|chatting)\s+(?:to|with)|powers\s+(?:you|this)|is\s+(?:behind|powering|running)\s+(?:you|this)|you\s+(?:use|run\s+on|are\s+based\s+on|are\s+running(?:\s+on)?)){END}`,
  ),
  id(
    "human_or_ai",
    "en",
    0.85,
    r`{B}{INDIRECT}\s+(?:if|whether)\s+(?:you\s+are|this\s+is|i\s+am\s+(?:talking|speaking|chatting)\s+(?:to|with))\s+(?:(?:really|actually|just)\s+)?(?:{KIND}|{MODEL_NAME}|human|real|sentient|conscious){OR}{END}`,
  ),
  id(
    "name",
    "en",
    0.85,
    r`{B}{INDIRECT}\s+(?:your\s+name|what\s+(?:your\s+name\s+is|(?:to|i\s+should)\s+call\s+you)){END}`,
  ),
  // name
  id(
    "name",
    "en",
    0.9,
    r`{B}what\s+is\s+(?:your|you)\s+(?:real\s+|actual\s+|full\s+|model\s+|official\s+|first\s+|proper\s+)?name(?:\s+and\s+(?:version|model)|\s+again)?{END}`,
  ),
  id(
    "name",
    "en",
    0.85,
    r`{B}(?:tell|give|share|say)\s+me\s+your\s+(?:real\s+|actual\s+|full\s+|model\s+|official\s+)?name(?:\s+and\s+(?:version|model))?{END}`,
  ),
  id("name", "en", 0.85, r`{B}(?:may|can|could|might)\s+i\s+(?:know|ask|have|get|ask\s+for)\s+your\s+name{END}`),
  id(
    "name",
    "en",
    0.85,
    r`{B}(?:what\s+are\s+you\s+called|what\s+do\s+(?:they|people|you)\s+call\s+you(?:rself)?|what\s+name\s+do\s+you\s+(?:go\s+by|use|have)|(?:identify|name)\s+yourself|(?:do|did)\s+you\s+have\s+a\s+name|what\s+(?:should|do|can|shall|may)\s+i\s+call\s+you|how\s+(?:should|do|can|shall|may)\s+i\s+(?:call|address|refer\s+to)\s+you){OR}{END}`,
  ),
  id("name", "en", 0.8, r`(?:^|[.!?,]\s*)(?:and\s+|so\s+)?(?:your|ur)\s+name\s*\?`),
  // model
  id(
    "model",
    "en",
    0.9,
    r`{B}(?:what|which)(?:\s+(?:exact|exactly|specific|particular|actual))?\s+(?:(?:kind|type|sort|version|flavou?r|variant|generation)\s+of\s+(?:the\s+|an?\s+)?)?(?:{MODEL_NAME}\s+)?(?:ai\s+|language\s+|large\s+language\s+|underlying\s+|base\s+|foundation\s+|gpt\s+)?(?:model|llm|ai|a\.i\.|bot|chatbot|assistant|version|system|engine|neural\s+net(?:work)?|program|entity|thing|model\s+version|architecture)\s+(?:are\s+you|is\s+this|is\s+that|am\s+i\s+(?:talking|speaking|chatting|dealing|interacting|conversing|communicating|using)(?:\s+(?:to|with))?|is\s+(?:answering|replying|responding|talking|writing|chatting)(?:\s+(?:to|with))?\s+me|do\s+you\s+(?:use|run(?:\s+on)?|have)|are\s+you\s+(?:using|running(?:\s+on)?|based\s+on|built\s+on|trained\s+on|powered\s+by)|is\s+(?:behind|powering|running|under)\s+(?:you|this(?:\s+(?:chat|bot|chatbot|assistant|app|service|conversation))?|the\s+hood)|powers\s+(?:you|this(?:\s+(?:chat|bot|chatbot|assistant|app|service))?)|runs\s+(?:you|this)|(?:does|is)\s+this\s+(?:chat|app|bot|chatbot|assistant|service|site|website|tool|platform)\s+(?:use|using|run\s+on|running\s+on|based\s+on|built\s+on|powered\s+by)){END}`,
  ),
  id("model", "en", 0.85, r`{B}whose\s+(?:model|ai|bot|chatbot|assistant|llm)\s+(?:is\s+this|are\s+you){END}`),
  id(
    "model",
    "en",
    0.85,
    r`{B}(?:what|which)\s+(?:ai\s+|language\s+)?(?:model|llm|ai|version|system)\s+(?:are\s+you|you\s+are)\s+(?:based|built|running|trained)\s+on`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}(?:what|which)\s+(?:model|llm|ai)\s+(?:is\s+(?:behind|powering|running)|powers|runs)\s+(?:this|you)`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}(?:what|which)\s+(?:version\s+of\s+)?{MODEL_NAME}(?:\s+(?:model|version))?\s+(?:are\s+you|is\s+this|am\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with)){END}`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}what\s+is\s+your\s+(?:underlying\s+|base\s+|current\s+)?(?:model|version|llm|architecture|engine|model\s+(?:name|version)|version\s+number)(?:\s+(?:name|version))?{END}`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}what\s+is\s+the\s+(?:underlying|base|foundation)\s+(?:model|llm|ai|engine|language\s+model)(?:\s+here)?{END}`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}what\s+is\s+the\s+(?:name\s+of\s+the\s+)?(?:underlying\s+|base\s+)?(?:model|llm|ai|engine)\s+(?:behind|powering|running|used\s+(?:by|in|for))\s+(?:you|{THIS_AI}|this\s+(?:chat|app|service|conversation))`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}what\s+is\s+the\s+(?:name|version)\s+of\s+(?:the|this|your)\s+(?:model|ai|assistant|bot|chatbot|llm)`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}what\s+are\s+you\s+(?:based|built|running|trained|made|powered)\s+(?:on|by|with|from){END}`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}(?:are|were)\s+you\s+(?:(?:running|based|built|hosted|trained|fine-?tuned)\s+on|(?:powered|made|developed|created|trained|built|owned|run|designed|programmed|produced|released|fine-?tuned)\s+by)\s`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}(?:are\s+you|is\s+this)\s+(?:(?:using|from|by|a\s+version\s+of|a\s+fork\s+of|a\s+wrapper\s+(?:around|for|of|on)|derived\s+from|a\s+variant\s+of|related\s+to|affiliated\s+with)\s+(?:{COMPANY}|{MODEL_NAME})|(?:running|based|built)\s+on\s+(?:{COMPANY}|{MODEL_NAME})|(?:made|built|developed|created|trained|powered|run|operated|owned)\s+by\s+(?:{COMPANY}|{MODEL_NAME}))`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}what\s+is\s+(?:powering|behind|running|driving)\s+(?:you|{THIS_AI}|this\s+(?:chat|app|service|conversation)){END}`,
  ),
  id(
    "model",
    "en",
    0.85,
    r`{B}are\s+you\s+using\s+(?:the|an?)\s+(?:latest|newest|new|old|older|free|paid|premium|best)\s+(?:model|version|llm){END}`,
  ),
  id(
    "model",
    "en",
    0.9,
    r`{B}(?:are\s+you|is\s+this|am\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with))\s+(?:one\s+of\s+)?(?:the\s+|an?\s+)?(?:(?:real|official|genuine|original|new|latest|newest|old|free|paid)\s+)?(?:{MODEL_NAME}(?:\s+(?:models?|ai|bots?|llms?|app|version|assistant|products?|creation|system|tool|chatbot))?|{COMPANY}(?:'s)?\s+(?:models?|ai|bots?|llms?|products?|creation|system|tool|chatbot|assistant))(?!\s*'s){OR}{END}`,
  ),
  id(
    "model",
    "en",
    0.8,
    r`(?:^|[.!?,]\s*)you\s+are\s+(?:(?:the\s+)?{MODEL_NAME}|{KIND})(?:\s*,?\s*(?:right|correct|aren't\s+you|are\s+you\s+not|yes|huh|true|no))?\s*\?`,
  ),
  // human or AI
  id(
    "human_or_ai",
    "en",
    0.85,
    r`{B}(?:are\s+you|am\s+i\s+(?:talking|speaking|chatting|texting|dealing|interacting|communicating)\s+(?:to|with)|is\s+this|is\s+(?:this|it)\s+(?:a\s+)?(?:chat|conversation)\s+with)\s+(?:(?:just|only|actually|really|still|even|simply|now|currently|literally|maybe|perhaps|like|also)\s+)*{KIND}{KIND_TAIL}{OR}{END}`,
  ),
  id(
    "human_or_ai",
    "en",
    0.85,
    r`{B}are\s+you\s+(?:(?:actually|really|even|truly|just|a)\s+)?(?:human|real|sentient|conscious|alive|self-aware|self\s+aware|automated|artificial){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "en",
    0.85,
    r`{B}is\s+(?:there\s+|this\s+)?(?:an?\s+|any\s+)?(?:real\s+|actual\s+|live\s+)?(?:human|person|people|someone|somebody|anyone|human\s+being)\s+(?:behind\s+(?:this(?:\s+(?:chat|conversation|account|bot|chatbot|assistant|service))?|you|the\s+screen|these\s+(?:answers|responses|messages))|on\s+the\s+other\s+(?:end|side)|(?:reading|typing|writing|answering|responding|replying)(?:\s+(?:this|these|to\s+me|my\s+(?:messages|questions|chats?)|me))?|in\s+the\s+loop){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "en",
    0.85,
    r`{B}(?:are\s+your\s+(?:answers|responses|replies|messages)|is\s+this\s+(?:chat|conversation|service|support\s+chat)|are\s+you)\s+(?:being\s+)?(?:written|generated|typed|produced|answered|run|operated|staffed|controlled)\s+by\s+{KIND}{OR}{END}`,
  ),
  id("human_or_ai", "en", 0.85, r`{B}is\s+this\s+(?:automated|a\s+human|human|real\s+person){OR}{END}`),
  // creator
  id(
    "creator",
    "en",
    0.9,
    r`{B}(?:who|whom)(?:\s+(?:exactly|actually|really|originally|else))?\s+(?:{MAKE}|is\s+(?:behind|responsible\s+for|in\s+charge\s+of)|are\s+(?:behind|responsible\s+for)|stands\s+behind|paid\s+for)\s+(?:you|{THIS_AI}){END}`,
  ),
  id(
    "creator",
    "en",
    0.9,
    r`{B}(?:which|what)\s+(?:company|companies|organi[sz]ation|corporation|firm|lab|labs|team|group|startup|business|people|person|developers?|country|entity|brand)\s+(?:{MAKE}|is\s+behind|are\s+behind|stands\s+behind|is\s+responsible\s+for)\s+(?:you|{THIS_AI}){END}`,
  ),
  id(
    "creator",
    "en",
    0.85,
    r`{B}(?:which|what)\s+(?:company|organi[sz]ation|corporation|firm|lab|team|startup)\s+(?:are\s+you\s+(?:from|made\s+by|built\s+by|owned\s+by|part\s+of|affiliated\s+with|associated\s+with)|do\s+you\s+(?:come\s+from|belong\s+to|work\s+for|represent|report\s+to)|is\s+your\s+(?:creator|maker|developer|owner|parent|provider)){END}`,
  ),
  id(
    "creator",
    "en",
    0.85,
    r`{B}(?:who|what)\s+(?:is|are)\s+your\s+(?:(?:original|real|actual)\s+)?{MAKER_NOUN}(?:\s+and\s+[^?.!]{1,30})?{END}`,
  ),
  id("creator", "en", 0.8, r`{B}who\s+do\s+you\s+(?:belong\s+to|work\s+for|answer\s+to|report\s+to){END}`),
  id(
    "creator",
    "en",
    0.85,
    r`{B}(?:did|does)\s+(?:{COMPANY}|{MODEL_NAME}|(?:an?\s+|the\s+)?(?:company|startup|lab|human|humans|person|people|someone|somebody|they))\s+(?:make|create|build|train|develop|design|program|own|run|fine-?tune)\s+(?:you|{THIS_AI}){END}`,
  ),
  // verification
  id(
    "verification",
    "en",
    0.85,
    r`{B}(?:prove|show\s+me|demonstrate)(?:\s+to\s+me)?\s+(?:(?:who|what)\s+you\s+(?:really\s+|actually\s+)?are|(?:that\s+)?you\s+are\s+(?:really|actually|truly|who|what|the|an?|not|real|genuine|legit|human|official|authentic|{MODEL_NAME})|your\s+(?:identity|authenticity|provenance|origin))`,
  ),
  id(
    "verification",
    "en",
    0.85,
    r`{B}(?:verify|confirm|authenticate|prove)\s+(?:your\s+(?:identity|authenticity|origin|provenance)|yourself|who\s+you\s+are|that\s+you\s+are\s+(?:really\s+|actually\s+)?(?:the|an?|real|genuine|official|authentic|{MODEL_NAME}))`,
  ),
  id(
    "verification",
    "en",
    0.8,
    r`{B}how\s+(?:do|can|could|would|should|will)\s+i\s+(?:know|be\s+sure|be\s+certain|tell|trust|verify|check|confirm)\s+(?:that\s+|if\s+|whether\s+)?you\s+are\s+(?:really|actually|truly|genuinely|indeed|the|real|official|genuine|authentic|original|legit|legitimate|who|what|not\s+(?:an?\s+)?(?:copy|fake|clone|imitation|knockoff|impostor|scam|bot|human|ai))`,
  ),
  id(
    "verification",
    "en",
    0.8,
    r`{B}how\s+(?:do|can|could|would|should|will)\s+i\s+(?:know|be\s+sure|be\s+certain|tell|trust|verify|check|confirm)\s+(?:that\s+|if\s+|whether\s+)?(?:this|it)\s+is\s+(?:really\s+|actually\s+|truly\s+|genuinely\s+|indeed\s+)?(?:the\s+|an?\s+)?(?:(?:real|official|genuine|authentic|original|legit|legitimate|actual|true)\s+)?(?:{MODEL_NAME}|model|ai|assistant|chatbot|bot|llm|version\s+of\s+{MODEL_NAME})`,
  ),
  id(
    "verification",
    "en",
    0.85,
    r`{B}(?:are\s+you|is\s+this)\s+(?:really\s+|actually\s+|truly\s+)?(?:the\s+|an?\s+)?(?:real|official|genuine|authentic|original|legit|legitimate|true|actual)\s+(?:{MODEL_NAME}(?:\s+(?:app|model|ai|bot|assistant|website|site|version))?|model|ai|assistant|chatbot|bot|version)(?:\s+(?:or|and\s+not)\s+[^?.!]{1,40})?{END}`,
  ),
  id(
    "verification",
    "en",
    0.8,
    r`{B}are\s+you\s+(?:just\s+|only\s+|actually\s+|really\s+)?(?:an?\s+)?(?:fake|copy|clone|knock-?off|imitation|impostor|counterfeit|wrapper|ripoff|rip-off)(?:\s+(?:of|around|for|on)\s+[^?.!]{1,40})?{OR}{END}`,
  ),
  id(
    "verification",
    "en",
    0.8,
    r`{B}is\s+this\s+(?:ai\s+|bot\s+|chatbot\s+|assistant\s+|model\s+)?(?:just\s+|only\s+|actually\s+|really\s+)?(?:an?\s+)?(?:fake|copy|clone|knock-?off|imitation|counterfeit|wrapper|ripoff|rip-off)\s+(?:of|around|for|on)\s+(?:{MODEL_NAME}|another\s+(?:model|ai)|(?:an?\s+|the\s+)?(?:real|official|original)\s+(?:one|model|ai|{MODEL_NAME}))`,
  ),

  // ---------------------------------------------------------------- English, feedback
  fb("en", 0.9, r`{B}{RQ}\s+(?:report|flag|escalate|dispute|downvote)\s+(?:{PROBLEM}|{REF}){TAIL}`),
  fb(
    "en",
    0.8,
    r`{B}{RQ_WH}\s+(?:report|complain|flag|escalate|send\s+(?:a\s+)?report)(?:\s+(?:about|regarding|on|with)\s+(?:{REF}|{PROBLEM}))?(?:\s+to\s+{MAKER_REF})?{END}`,
  ),
  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:complain|make\s+a\s+complaint|file\s+a\s+complaint|escalate)\s+(?:about|regarding|on|with|of)\s+(?:{REF}|{PROBLEM}(?:\s+(?:with|in|from)\s+{REF})?){END}`,
  ),

  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:send|give|leave|submit|provide|share|post|offer|write|add|drop|make)\s+(?:(?:my|some|any|a|the|your|this|more|quick|a\s+bit\s+of|a\s+little|little|short|honest|negative|positive|detailed|product|direct|formal)\s+){0,3}(?:feedback|complaints?|bug\s+reports?|thumbs\s+down|comments?|suggestions?|a\s+review)(?:\s+(?:about|on|for|regarding|to|of|concerning|with)\s+(?:{REF}|{MAKER_REF}|{COMPANY}|(?:the\s+)?(?:developers?|team|makers?|creators?)))?{END}`,
  ),
  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:send|give|leave|submit|provide|share|post|offer|write|add|make)\s+(?:(?:my|some|any|a|an|the|this|more|quick|short|honest|negative|detailed)\s+){0,3}(?:reports?|reviews?|ratings?|comments?|suggestions?)\s+(?:about|on|for|regarding|to|of|concerning)\s+(?:{REF}|{MAKER_REF})`,
  ),
  fb(
    "en",
    0.85,
    r`{B}i\s+(?:have|got|'ve\s+got)\s+(?:(?:some|a\s+bit\s+of|a\s+little|quick|more|a|an)\s+)*(?:feedback|complaints?|bug\s+reports?)\s+(?:for|about|on|regarding|concerning|to\s+share\s+(?:about|on))\s+(?:{REF}|{MAKER_REF})`,
  ),
  fb(
    "en",
    0.8,
    r`(?<!(?:^|[^\p{L}])me\s+(?:some\s+|any\s+|more\s+|your\s+)?){B}(?:feedback|complaints?|a\s+bug\s+report)\s+(?:about|on|regarding|concerning|against)\s+{REF_STRICT}{END}`,
  ),
  fb("en", 0.8, r`^\s*(?:please\s+)?(?:contact|call|email)\s+(?:(?:customer|tech|technical)\s+)?support\s*[.!?]*\s*$`),
  fb(
    "en",
    0.8,
    r`^\s*(?:please\s+)?(?:send|give|leave|submit|open)\s+(?:a\s+)?(?:feedback|bug\s+report|complaint)(?:\s+(?:about|on|for|regarding|to)\s+(?:{REF}|{MAKER_REF}))?\s*[.!?]*\s*$`,
  ),
  fb(
    "en",
    0.85,
    r`{B}(?:file|submit|make|lodge|raise|open|log|create|write|send|put\s+in)\s+(?:a|an)\s+(?:(?:formal|official)\s+)?(?:complaint|report|bug\s+report|ticket|support\s+ticket|issue|bug)\s+(?:about|against|on|regarding|for|with|concerning)\s+{REF}`,
  ),
  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:contact|reach|reach\s+out\s+to|get\s+in\s+touch\s+with|get\s+hold\s+of|talk\s+to|speak\s+(?:to|with)|email|e-mail|write\s+to|message|notify|inform|alert|tell|call)\s+(?:{MAKER_REF}|(?:your\s+|the\s+)?(?:customer\s+)?support(?:\s+team)?|(?:your\s+|the\s+)?customer\s+service|(?:your\s+|the\s+)?help\s*desk|a\s+human\s+(?:agent|moderator|reviewer))(?:\s+(?:about|regarding|for|with|on|concerning)\s+(?:{REF}|{PROBLEM}(?:\s+(?:with|in|from)\s+{REF})?))?{END}`,
  ),
  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:contact|reach|reach\s+out\s+to|get\s+in\s+touch\s+with|talk\s+to|speak\s+to|email|write\s+to|tell|notify)\s+(?:(?:someone|somebody|anyone)\s+)?(?:about|regarding|concerning)\s+(?:{REF}|{PROBLEM}\s+(?:with|in|from)\s+{REF})`,
  ),
  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:contact|reach|talk\s+to|email|write\s+to)\s+(?:the\s+)?(?:developers?|makers?|creators?|team|owners?|support|people|company)\s+(?:of|behind|that\s+made|who\s+made|responsible\s+for)\s+{REF}`,
  ),
  fb(
    "en",
    0.8,
    r`{B}(?:let|tell|inform|notify|alert|warn)\s+(?:{MAKER_REF}|(?:the\s+)?(?:developers?|devs|makers?|owners?|creators?)|people\s+(?:behind|who\s+made)\s+(?:this|you))\s+(?:know|about\s+(?:{REF}|{PROBLEM}|it|this|that))`,
  ),
  fb(
    "en",
    0.85,
    r`{B}(?:support|feedback|contact|complaints?)\s+(?:email|e-mail|address|page|form|link|channel|contact)\s+(?:for|of)\s+{REF}`,
  ),
  fb(
    "en",
    0.85,
    r`{B}(?:where|what)\s+(?:is|are|can\s+i\s+find)\s+(?:the|your|a)\s+(?:feedback|report|reporting|bug\s+report(?:ing)?|complaints?|support)\s+(?:page|form|link|site|website|channel|button|section|email|e-mail|address|portal|option|line|system)(?:\s+(?:for|of|on)\s+{REF})?{END}`,
  ),
  fb(
    "en",
    0.85,
    r`{B}(?:is\s+there|do\s+you\s+have|does\s+this\s+(?:app|site|service|chat|bot|assistant)\s+have)\s+(?:a|an|any)\s+(?:way\s+to\s+(?:give|send|leave)\s+)?(?:feedback|report|reporting|bug\s+report(?:ing)?|complaints?|support)(?:\s+(?:page|form|link|site|website|channel|button|section|email|e-mail|address|portal|option|line|system|feature|tool|function))?(?:\s+(?:for|of|on)\s+{REF})?{END}`,
  ),
  fb("en", 0.8, r`{B}(?:give|leave|gave|add|press|click|hit)\s+(?:a\s+|the\s+)?thumbs\s+down`),
  fb(
    "en",
    0.8,
    r`{B}(?:downvote|dislike|thumbs\s+down)\s+(?:this|that|your|the)\s+(?:(?:last|previous)\s+)?(?:answer|response|reply|output|message)`,
  ),
  fb(
    "en",
    0.85,
    r`(?:^|[.!?]\s*)(?:please\s+|pls\s+)?(?:report|flag|downvote|escalate)\s+(?:(?:an?\s+)?(?:bug|problem|issue|error|abuse|hallucination)|(?:this|that|the|your)\s+(?:(?:last|previous|above)\s+)?(?:conversation|chat|answer|response|message|reply|output))(?:\s+(?:as|for)\s+(?:being\s+)?(?:an?\s+)?(?:{BAD}|abuse|harassment|hallucination|unhelpful|low\s+quality))?(?:\s+to\s+(?:{MAKER_REF}|the\s+(?:developers|team|moderators)))?\s*(?:please|pls)?\s*(?=[.!?]|$)`,
  ),
  fb(
    "en",
    0.85,
    r`{B}{RQ}\s+(?:report|flag|complain\s+about|give\s+feedback\s+(?:on|about))\s+(?:(?:an?|the|this|that)\s+)?(?:{BAD})\s+(?:answer|response|reply|output|message|advice)`,
  ),
  fb("en", 0.8, COMPLAINT_EN, REPORT_IT_EN),

  // ---------------------------------------------------------------- Spanish
  id("who_are_you", "es", 0.9, r`{B}(?:quien|que)\s+(?:eres|sos)(?:\s+tu|\s+vos)?{END}`),
  id("who_are_you", "es", 0.9, r`{B}(?:quien|que)\s+es\s+usted{END}`),
  id("who_are_you", "es", 0.85, r`{B}(?:y\s+)?(?:tu|vos|usted)\s+(?:quien|que)\s+(?:eres|sos|es){END}`),
  id("who_are_you", "es", 0.85, r`{B}con\s+(?:quien|que)\s+(?:estoy\s+hablando|hablo|estoy\s+chateando){END}`),
  id(
    "model",
    "es",
    0.85,
    r`{B}con\s+(?:que|cual)\s+(?:tipo\s+de\s+)?(?:ia|inteligencia\s+artificial|modelo|bot|asistente|chatbot|sistema)\s+(?:estoy\s+hablando|hablo|estoy\s+chateando)`,
  ),
  id(
    "who_are_you",
    "es",
    0.8,
    r`{B}(?:presentate|(?:hablame|cuentame|dime\s+algo)\s+(?:un\s+poco\s+)?(?:de|sobre|acerca\s+de)\s+ti(?:\s+mism[oa])?){END}`,
  ),
  id(
    "name",
    "es",
    0.9,
    r`{B}(?:como\s+te\s+llamas|como\s+se\s+llama\s+usted|cual\s+es\s+(?:tu|su)\s+nombre|(?:dime|me\s+dices|puedes\s+decirme)\s+tu\s+nombre|tienes\s+(?:un\s+)?nombre|como\s+(?:te\s+puedo|puedo|debo)\s+llamar(?:te)?){END}`,
  ),
  id(
    "model",
    "es",
    0.9,
    r`{B}(?:que|cual)\s+(?:tipo\s+de\s+|clase\s+de\s+|version\s+de(?:l)?\s+)?(?:modelo|ia|inteligencia\s+artificial|llm|version|bot|chatbot|asistente|sistema)(?:\s+de\s+(?:ia|lenguaje|inteligencia\s+artificial))?\s+(?:eres(?:\s+tu)?|sos|es\s+usted|es\s+(?:esta|este|esto)|estoy\s+usando|usas|utilizas|te\s+impulsa|hay\s+detras(?:\s+de\s+ti)?){END}`,
  ),
  id(
    "model",
    "es",
    0.85,
    r`{B}en\s+que\s+(?:modelo|llm|ia)\s+(?:te\s+basas|estas\s+basad[oa]|se\s+basa(?:\s+este\s+(?:chat|bot|asistente))?){END}`,
  ),
  id(
    "model",
    "es",
    0.9,
    r`{B}(?:eres|sos|es\s+usted)\s+(?:el\s+|la\s+|un\s+|una\s+)?(?:de\s+verdad\s+|realmente\s+)?(?:{MODEL_NAME}|ia|bot|robot|humano|ser\s+humano|persona(?:\s+real)?|maquina|programa|chatbot|inteligencia\s+artificial|modelo\s+de\s+lenguaje|real|consciente|de\s+{COMPANY}){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "es",
    0.85,
    r`{B}(?:estoy\s+hablando|hablo|estoy\s+chateando)\s+con\s+(?:un|una)\s+(?:humano|persona(?:\s+real)?|bot|robot|maquina|ia|inteligencia\s+artificial|programa){OR}{END}`,
  ),
  id(
    "creator",
    "es",
    0.9,
    r`{B}quien\s+te\s+(?:ha\s+)?(?:creo|hizo|desarrollo|entreno|programo|diseno|creado|hecho|desarrollado|entrenado|programado|disenado){END}`,
  ),
  id(
    "creator",
    "es",
    0.9,
    r`{B}(?:que|cual)\s+(?:empresa|compania|organizacion|equipo)\s+(?:te\s+(?:ha\s+)?(?:creo|hizo|desarrollo|entreno|programo|diseno|creado|hecho|desarrollado|entrenado)|esta\s+detras\s+de\s+ti){END}`,
  ),
  id(
    "creator",
    "es",
    0.85,
    r`{B}(?:quien|quienes)\s+(?:esta|estan)\s+detras\s+de\s+(?:ti|este\s+(?:chatbot|bot|asistente|modelo)|esta\s+ia){END}`,
  ),
  id(
    "creator",
    "es",
    0.85,
    r`{B}(?:quien\s+es\s+tu|quienes\s+son\s+tus)\s+(?:creador|creadores|desarrollador|desarrolladores|dueno|duenos|propietario){END}`,
  ),
  id(
    "creator",
    "es",
    0.85,
    r`{B}(?:de\s+que\s+empresa\s+eres|fuiste\s+(?:creado|desarrollado|entrenado)\s+por\s+(?:quien|que\s+empresa|{COMPANY})){END}`,
  ),
  id(
    "verification",
    "es",
    0.8,
    r`{B}como\s+(?:se|puedo\s+saber|puedo\s+estar\s+segur[oa])\s+(?:de\s+)?que\s+(?:eres|seas)\s+(?:realmente\s+|de\s+verdad\s+)?(?:el\s+|la\s+)?(?:modelo\s+|version\s+)?(?:original|oficial|autentic[oa]|real|verdader[oa]|{MODEL_NAME})`,
  ),
  fb(
    "es",
    0.85,
    r`{B}(?:reportar|informar(?:\s+de)?|denunciar|notificar|avisar(?:\s+de)?|senalar|comunicar|reporto|informo|denuncio|notifico|aviso\s+de|marcar)\s+(?:{PROBLEM_ES}(?:\s+\p{L}+)?|{REF_ES})(?:\s+(?:con|en|de|sobre|del)\s+{REF_ES})?{END}`,
  ),
  fb(
    "es",
    0.85,
    r`{B}(?:reportar|informar|denunciar|notificar|avisar)(?:\s+de)?\s+(?:un|una|el|la)\s+(?:problema|error|fallo|bug)\s+(?:con|en|de|sobre)\s+(?:este|esta|el|la|tu|tus)\s+(?:modelo|asistente|ia|bot|chatbot|respuestas?|chat)`,
  ),
  fb(
    "es",
    0.85,
    r`{B}(?:donde|como|a\s+quien)\s+(?:puedo\s+|se\s+puede\s+|debo\s+|tengo\s+que\s+|hay\s+que\s+|podria\s+)?(?:reportar(?:lo|la)?|denunciar(?:lo|la)?|quejarme|me\s+quejo|reclamar|reclamo|(?:poner|presentar|dejar|enviar|mandar|dar|hacer|dejo|envio|mando|doy|pongo)\s+(?:mis\s+|mi\s+|unos?\s+|una\s+|algun\s+|algunos\s+)?(?:comentarios?|opinion|feedback|sugerencias?|queja|reclamacion|valoracion|retroalimentacion)|(?:contactar|contacto|ponerme\s+en\s+contacto|me\s+pongo\s+en\s+contacto|hablar|hablo|comunicarme|me\s+comunico)\s+(?:con\s+)?(?:el\s+)?(?:soporte|servicio\s+de\s+atencion|atencion\s+al\s+cliente|(?:tus|los)\s+(?:creadores|desarrolladores)))(?:\s+(?:sobre|de|acerca\s+de|con|del|por|respecto\s+a)\s+{REF_ES})?{END}`,
  ),
  fb(
    "es",
    0.85,
    r`{B}(?:quiero|quisiera|me\s+gustaria|necesito|voy\s+a|tengo\s+que)\s+(?:quejarme|reclamar|poner\s+una\s+queja|hacer\s+una\s+(?:queja|reclamacion)|presentar\s+una\s+queja|dejar\s+(?:una\s+queja|mis?\s+comentarios?|feedback)|dar\s+(?:mi\s+opinion|feedback)|enviar\s+(?:comentarios|feedback))(?:\s+(?:sobre|de|acerca\s+de|por|del|con)\s+{REF_ES})?{END}`,
  ),
  fb(
    "es",
    0.85,
    r`{B}(?:envio|enviar|dejo|dejar|doy|dar|mando|mandar)\s+(?:comentarios|mi\s+opinion|feedback|sugerencias|una\s+queja)\s+(?:sobre|de|acerca\s+de)\s+(?:este|esta|el|la|tu|tus)\s+(?:modelo|asistente|ia|bot|chatbot|respuestas?|chat)`,
  ),
  fb(
    "es",
    0.8,
    r`{B}(?:(?:tu|esta|esa|la|su)\s+(?:ultima\s+)?(?:respuesta|informacion|traduccion|explicacion)\s+(?:es|fue|era|esta|parece|contiene|tiene)\s+(?:muy\s+|totalmente\s+|completamente\s+|claramente\s+)?(?:incorrect[ao]|erróne[ao]|fals[ao]|ofensiv[ao]|inapropiad[ao]|peligros[ao]|mal|equivocad[ao]|inexact[ao]|mentira|errores|un\s+error|informacion\s+falsa)|te\s+has\s+equivocado|te\s+equivocaste|me\s+diste\s+(?:una\s+)?(?:respuesta|informacion)\s+(?:incorrecta|falsa|erronea))`,
    r`{B}(?:donde|como|a\s+quien)\s+(?:puedo\s+|se\s+puede\s+|debo\s+|tengo\s+que\s+)?(?:lo\s+|la\s+)?(?:reportar(?:lo|la)?|reporto|denunciar(?:lo|la)?|denuncio|quejarme|me\s+quejo|aviso|avisar|informar(?:lo)?|informo|decir(?:selo)?|digo|comunicar(?:lo)?){END}`,
  ),

  // ---------------------------------------------------------------- French
  id(
    "who_are_you",
    "fr",
    0.9,
    r`{B}(?:(?:qui|qu'est-ce\s+que)\s+(?:es[- ]tu|etes[- ]vous|tu\s+es|vous\s+etes)|qu'es[- ]tu|qu'etes[- ]vous){END}`,
  ),
  id("who_are_you", "fr", 0.85, r`{B}(?:tu\s+es|t'es|vous\s+etes)\s+(?:qui|quoi)(?:\s+(?:toi|vous|exactement))?{END}`),
  id(
    "who_are_you",
    "fr",
    0.85,
    r`{B}(?:a|avec)\s+qui\s+(?:je\s+parle|est-ce\s+que\s+je\s+parle|ai-je\s+affaire|je\s+m'adresse|suis-je\s+en\s+train\s+de\s+parler|je\s+discute){END}`,
  ),
  id(
    "who_are_you",
    "fr",
    0.8,
    r`{B}(?:presente[- ]toi|presentez[- ]vous|parle[- ]moi\s+(?:un\s+peu\s+)?de\s+toi|parlez[- ]moi\s+(?:un\s+peu\s+)?de\s+vous){END}`,
  ),
  id(
    "name",
    "fr",
    0.9,
    r`{B}(?:comment\s+(?:tu\s+t'appelles|t'appelles[- ]tu|vous\s+appelez[- ]vous|vous\s+vous\s+appelez)|(?:tu\s+t'appelles|vous\s+vous\s+appelez)\s+comment|(?:quel\s+est|c'est\s+quoi)\s+(?:ton|votre)\s+nom|(?:as-tu|avez-vous|tu\s+as|vous\s+avez)\s+un\s+nom){END}`,
  ),
  id(
    "model",
    "fr",
    0.9,
    r`{B}(?:tu\s+es|vous\s+etes|t'es)\s+(?:quel|quelle)\s+(?:modele|ia|version|intelligence\s+artificielle|llm)(?:\s+d'ia)?{END}`,
  ),
  id(
    "model",
    "fr",
    0.9,
    r`{B}(?:quel|quelle)\s+(?:type\s+de\s+|sorte\s+de\s+|genre\s+de\s+|version\s+de\s+)?(?:modele|ia|intelligence\s+artificielle|llm|version|systeme|assistant|bot|chatbot)(?:\s+d'ia|\s+de\s+langage|\s+d'intelligence\s+artificielle)?\s+(?:es[- ]tu|etes[- ]vous|tu\s+es|vous\s+etes|est[- ]ce|suis-je\s+en\s+train\s+d'utiliser|utilises[- ]tu|utilisez[- ]vous|se\s+cache\s+derriere\s+(?:toi|vous|ce\s+chat)){END}`,
  ),
  id(
    "model",
    "fr",
    0.85,
    r`{B}sur\s+quel\s+(?:modele|llm)\s+(?:es-tu|etes-vous|tu\s+es|vous\s+etes)\s+(?:base|basee|fonde){END}`,
  ),
  id(
    "model",
    "fr",
    0.9,
    r`{B}(?:est-ce\s+que\s+)?(?:tu\s+es|t'es|vous\s+etes|es[- ]tu|etes[- ]vous)\s+(?:vraiment\s+)?(?:un\s+|une\s+)?(?:vrai(?:e)?\s+)?(?:{MODEL_NAME}|ia|robot|bot|humain|etre\s+humain|personne(?:\s+reelle)?|machine|programme|chatbot|intelligence\s+artificielle|modele\s+de\s+langage|reel(?:le)?|conscient(?:e)?){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "fr",
    0.85,
    r`{B}(?:je\s+parle|est-ce\s+que\s+je\s+parle|je\s+discute)\s+(?:a|avec)\s+(?:un|une)\s+(?:vrai(?:e)?\s+)?(?:humain|robot|ia|bot|personne|machine|programme){OR}{END}`,
  ),
  id(
    "creator",
    "fr",
    0.9,
    r`{B}(?:qui|quelle\s+(?:entreprise|societe|boite|compagnie|equipe))\s+(?:t'a|vous\s+a)\s+(?:cree|creee|concu|developpe|entraine|fait|programme|construit){END}`,
  ),
  id(
    "creator",
    "fr",
    0.85,
    r`{B}qui\s+(?:est|se\s+cache)\s+derriere\s+(?:toi|vous|ce\s+(?:chatbot|bot|assistant|modele)|cette\s+ia){END}`,
  ),
  id(
    "creator",
    "fr",
    0.85,
    r`{B}(?:qui\s+(?:est|sont)\s+(?:ton|tes|votre|vos)\s+(?:createurs?|developpeurs?|proprietaires?|concepteurs?)|par\s+qui\s+(?:as-tu|avez-vous)\s+ete\s+(?:cree|developpe|entraine|concu)e?|(?:tu\s+as|vous\s+avez)\s+ete\s+(?:cree|developpe|entraine|concu)e?\s+par\s+qui){END}`,
  ),
  fb(
    "fr",
    0.85,
    r`{B}(?:signaler|rapporter|remonter|declarer|signale|signalez)\s+(?:{PROBLEM_FR}|{REF_FR})(?:\s+(?:avec|dans|sur|de|concernant|du|des)\s+{REF_FR})?{END}`,
  ),
  fb(
    "fr",
    0.85,
    r`{B}(?:signaler|rapporter)\s+(?:un|une|le|la)\s+(?:probleme|bug|erreur)\s+(?:avec|dans|sur|de|concernant)\s+(?:ce|cet|cette|le|la|ta|tes|votre|vos)\s+(?:modele|assistant|ia|bot|chatbot|reponses?)`,
  ),
  fb(
    "fr",
    0.85,
    r`{B}(?:ou|comment|a\s+qui)\s+(?:est-ce\s+que\s+)?(?:je\s+peux\s+|puis-je\s+|peut-on\s+|on\s+peut\s+|dois-je\s+|je\s+dois\s+|faire\s+pour\s+|je\s+fais\s+pour\s+|faut-il\s+)?(?:me\s+plaindre|porter\s+plainte|faire\s+une\s+reclamation|signaler\s+(?:ca|cela|ceci)|(?:donner|laisser|envoyer|faire)\s+(?:mon\s+|un\s+|des\s+|du\s+|une\s+)?(?:avis|commentaires?|feedback|retours?|remarques?|suggestions?|reclamation))(?:\s+(?:sur|a\s+propos\s+de|concernant|de|au\s+sujet\s+de)\s+{REF_FR})?{END}`,
  ),
  fb(
    "fr",
    0.85,
    r`{B}(?:je\s+(?:veux|voudrais|souhaite|souhaiterais|dois|vais)|j'aimerais)\s+(?:me\s+plaindre|faire\s+une\s+reclamation|porter\s+plainte|signaler\s+(?:ca|cela)|donner\s+mon\s+avis|laisser\s+un\s+(?:avis|commentaire))(?:\s+(?:de|sur|concernant|a\s+propos\s+de|au\s+sujet\s+de|contre)\s+{REF_FR})?{END}`,
  ),
  fb(
    "fr",
    0.85,
    r`{B}(?:donner|laisser|envoyer)\s+(?:mon\s+avis|un\s+avis|un\s+commentaire|des\s+commentaires|du\s+feedback|une\s+remarque)\s+(?:sur|a\s+propos\s+de|concernant)\s+(?:ce|cet|cette|le|la|ta|tes|votre|vos)\s+(?:modele|assistant|ia|bot|chatbot|reponses?)`,
  ),
  fb(
    "fr",
    0.85,
    r`{B}(?:comment|ou)\s+(?:puis-je\s+|je\s+peux\s+|peut-on\s+)?(?:contacter|joindre)\s+(?:le\s+support|l'assistance|le\s+service\s+client|tes\s+(?:createurs|developpeurs)|vos\s+(?:createurs|developpeurs)|les\s+(?:createurs|developpeurs)\s+de\s+(?:cette\s+ia|ce\s+(?:chatbot|bot|modele|assistant)))(?:\s+(?:au\s+sujet\s+de|concernant|pour)\s+{REF_FR})?{END}`,
  ),
  fb(
    "fr",
    0.8,
    r`{B}(?:(?:ta|cette|la|votre)\s+(?:derniere\s+)?(?:reponse|traduction|explication|information)\s+(?:est|etait|a\s+ete|semble|contient)\s+(?:completement\s+|totalement\s+|vraiment\s+|clairement\s+)?(?:fausse|incorrecte|erronee|offensante|inappropriee|dangereuse|choquante|n'importe\s+quoi|des\s+erreurs|une\s+erreur)|tu\s+(?:t'es\s+trompe|as\s+tort|m'as\s+donne\s+une\s+(?:reponse\s+)?(?:fausse|incorrecte|mauvaise)))`,
    r`{B}(?:ou|comment|a\s+qui)\s+(?:est-ce\s+que\s+)?(?:je\s+peux\s+|puis-je\s+|peut-on\s+|dois-je\s+|je\s+dois\s+|faire\s+pour\s+)?(?:le\s+|la\s+)?(?:signaler|rapporter|me\s+plaindre|le\s+dire|dire|contacter){END}`,
  ),

  // ---------------------------------------------------------------- German
  id(
    "who_are_you",
    "de",
    0.9,
    r`{B}(?:wer|was)(?:\s+(?:genau|eigentlich|denn|uberhaupt))?\s+(?:bist\s+du|sind\s+sie){END}`,
  ),
  id("who_are_you", "de", 0.85, r`{B}(?:du\s+bist|sie\s+sind)\s+wer{END}`),
  id(
    "who_are_you",
    "de",
    0.85,
    r`{B}mit\s+wem\s+(?:spreche|rede|chatte|schreibe)\s+ich(?:\s+(?:hier|gerade|da)){0,2}{END}`,
  ),
  id(
    "who_are_you",
    "de",
    0.8,
    r`{B}(?:stell\s+dich\s+(?:mal\s+|kurz\s+|bitte\s+)*vor|stellen\s+sie\s+sich\s+vor|erzahl(?:e)?\s+(?:mir\s+)?(?:mal\s+)?(?:etwas\s+|was\s+)?(?:uber|von)\s+dir){END}`,
  ),
  id(
    "name",
    "de",
    0.9,
    r`{B}(?:wie\s+(?:heißt|heisst)\s+du|wie\s+(?:heißen|heissen)\s+sie|(?:wie|was)\s+ist\s+(?:dein|ihr)\s+name|(?:hast\s+du|haben\s+sie)\s+einen\s+namen|wie\s+(?:soll|kann|darf)\s+ich\s+(?:dich|sie)\s+nennen){END}`,
  ),
  id(
    "model",
    "de",
    0.9,
    r`{B}(?:welche[srm]?|was\s+fur(?:\s+ein(?:e|en)?)?)\s+(?:art\s+von\s+)?(?:ki-?\s?)?(?:modell|ki|sprachmodell|llm|version|bot|system|assistent|chatbot|ki-modell)\s+(?:bist\s+du|sind\s+sie|ist\s+das|steckt\s+(?:hinter\s+dir|dahinter|hinter\s+(?:diesem|dem)\s+(?:chat|chatbot|bot|assistenten))|benutzt\s+du|verwendest\s+du|nutzt\s+du|lauft\s+hier){END}`,
  ),
  id(
    "model",
    "de",
    0.85,
    r`{B}auf\s+welche(?:m|r)\s+(?:modell|sprachmodell|llm|ki)\s+(?:basierst\s+du|basieren\s+sie|beruhst\s+du|bist\s+du\s+aufgebaut){END}`,
  ),
  id(
    "model",
    "de",
    0.9,
    r`{B}(?:bist\s+du|sind\s+sie)\s+(?:wirklich\s+|eigentlich\s+|etwa\s+)?(?:ein(?:e)?\s+)?(?:echte[rn]?\s+)?(?:{MODEL_NAME}|ki|bot|roboter|mensch|maschine|programm|chatbot|person|sprachmodell|kunstliche\s+intelligenz|echt|von\s+{COMPANY}){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "de",
    0.85,
    r`{B}(?:spreche|rede|chatte|schreibe)\s+ich\s+(?:hier\s+|gerade\s+)?mit\s+(?:einem|einer)\s+(?:echten\s+)?(?:menschen|mensch|bot|ki|maschine|roboter|person|programm){OR}{END}`,
  ),
  id(
    "creator",
    "de",
    0.9,
    r`{B}(?:wer|welche\s+(?:firma|organisation|unternehmen|team))\s+hat\s+(?:dich|sie)\s+(?:entwickelt|erschaffen|gebaut|trainiert|programmiert|gemacht|erstellt|erfunden){END}`,
  ),
  id(
    "creator",
    "de",
    0.85,
    r`{B}(?:von\s+wem\s+(?:wurdest\s+du|bist\s+du)|von\s+welcher\s+firma\s+(?:wurdest\s+du|bist\s+du))\s+(?:entwickelt|erstellt|trainiert|gemacht|programmiert|gebaut)(?:\s+worden)?{END}`,
  ),
  id(
    "creator",
    "de",
    0.85,
    r`{B}(?:wer|welche\s+firma)\s+steckt\s+hinter\s+(?:dir|ihnen|diesem\s+(?:chatbot|bot|assistenten|modell)|dieser\s+ki){END}`,
  ),
  id(
    "creator",
    "de",
    0.85,
    r`{B}(?:wer\s+ist|wer\s+sind)\s+(?:dein|deine|ihr|ihre)\s+(?:entwickler|hersteller|schopfer|erfinder|besitzer|macher|ersteller)(?:in)?{END}|{B}von\s+welcher\s+firma\s+(?:bist|kommst)\s+du{END}`,
  ),
  fb(
    "de",
    0.85,
    r`{B}(?:melde|melden)\s+(?:ich|wir|man)?\s*(?:eine|einen|ein|diese|diesen|dieses)\s+(?:(?:falsche|fehlerhafte|unangemessene|beleidigende)\s+)?(?:antwort|fehler|problem|bug)`,
  ),
  fb(
    "de",
    0.85,
    r`{B}(?:ein|einen|das|den)\s+(?:problem|fehler|bug)(?:\s+(?:mit|in|bei|zu)\s+(?:diesem|diesen|dieser|deiner|deinen|ihrer|ihren|dem|der)\s+(?:modell|assistenten|ki|bot|chatbot|antwort|antworten))?\s+melden`,
  ),
  fb(
    "de",
    0.85,
    r`{B}(?:wo|wie|bei\s+wem|an\s+wen)\s+(?:kann|soll|muss|konnte|darf)\s+ich\s+(?:(?:{PROBLEM_DE}|{REF_DE}|das|es|dies)(?:\s+(?:mit|in|bei|zu|uber|von)\s+{REF_DE})?\s+)?(?:melden|reklamieren|beanstanden|berichten){END}`,
  ),
  fb(
    "de",
    0.85,
    r`{B}(?:wo|wie|bei\s+wem)\s+(?:kann|soll|muss|darf)\s+ich\s+mich\s+(?:(?:uber|wegen)\s+(?:{REF_DE}|das|dies)\s+)?beschweren{END}`,
  ),
  fb(
    "de",
    0.85,
    r`{B}(?:wie|wo)\s+(?:kann|soll)\s+ich\s+(?:(?:mein|ein|etwas)\s+)?(?:feedback|ruckmeldung|kritik)\s+(?:(?:zu|uber|fur|zum|zur|an)\s+(?:{REF_DE}|(?:die|deine|eure)\s+(?:entwickler|macher|ersteller))\s+)?(?:geben|senden|schicken|hinterlassen|abgeben){END}`,
  ),
  fb(
    "de",
    0.85,
    r`{B}ich\s+(?:will|mochte|muss|werde|wurde\s+gerne?)\s+(?:mich\s+(?:(?:uber|wegen)\s+(?:{REF_DE}|das|dies)\s+)?beschweren|{PROBLEM_DE}(?:\s+(?:mit|in|bei|zu)\s+{REF_DE})?\s+melden|{REF_DE}\s+melden|(?:feedback|ruckmeldung)\s+(?:zu|uber)\s+{REF_DE}\s+geben){END}`,
  ),
  fb(
    "de",
    0.85,
    r`{B}(?:feedback|ruckmeldung)\s+(?:zu|uber|fur|zum|zur)\s+(?:diesem|diesen|dieser|deiner|deinen|ihrer|dem|der)\s+(?:modell|assistenten|ki|bot|chatbot|antwort|antworten)\s+(?:geben|senden|schicken|hinterlassen)`,
  ),
  fb(
    "de",
    0.85,
    r`{B}wie\s+(?:kann|erreiche)\s+ich\s+(?:den\s+support|den\s+kundendienst|die\s+entwickler|deine\s+entwickler|deine\s+macher)(?:\s+(?:erreichen|kontaktieren))?{END}`,
  ),
  fb(
    "de",
    0.8,
    r`{B}(?:(?:deine|diese|die|ihre)\s+(?:letzte\s+)?(?:antwort|ubersetzung|erklarung|information|auskunft)\s+(?:ist|war|scheint|enthalt|enthielt)\s+(?:total\s+|komplett\s+|vollig\s+|leider\s+|einfach\s+|ganz\s+|eindeutig\s+)?(?:falsch|fehlerhaft|unangemessen|beleidigend|gefahrlich|unsinn|quatsch|irrefuhrend|inkorrekt|fehler|ein\s+fehler|falsche\s+informationen)|du\s+(?:hast\s+(?:dich\s+geirrt|unrecht)|irrst\s+dich|liegst\s+falsch))`,
    r`{B}(?:(?:wo|wie|bei\s+wem|wem|an\s+wen)\s+(?:kann|soll|muss|darf)\s+ich\s+(?:das\s+|es\s+|dies\s+)?(?:melden|sagen|mitteilen|reklamieren|berichten)|wo\s+melde\s+ich\s+(?:das|es)|(?:wo|wie)\s+(?:kann|soll)\s+ich\s+mich\s+beschweren){END}`,
  ),

  // ---------------------------------------------------------------- Italian
  id("who_are_you", "it", 0.9, r`{B}(?:chi|cosa|che\s+cosa|che)\s+sei(?:\s+tu)?{END}`),
  id("who_are_you", "it", 0.85, r`{B}(?:e\s+)?tu\s+(?:chi|cosa|che\s+cosa)\s+sei{END}`),
  id("who_are_you", "it", 0.85, r`{B}con\s+(?:chi|cosa)\s+(?:sto\s+parlando|parlo|sto\s+chattando){END}`),
  id(
    "who_are_you",
    "it",
    0.8,
    r`{B}(?:presentati|parlami\s+(?:un\s+po'?\s+)?di\s+te(?:\s+stess[oa])?|dimmi\s+qualcosa\s+(?:di|su)\s+te){END}`,
  ),
  id(
    "name",
    "it",
    0.9,
    r`{B}(?:come\s+ti\s+chiami|qual\s+e\s+il\s+tuo\s+nome|come\s+(?:ti\s+posso|posso|devo)\s+chiamar(?:ti)?|hai\s+un\s+nome){END}`,
  ),
  id(
    "model",
    "it",
    0.9,
    r`{B}(?:che|quale|qual)\s+(?:tipo\s+di\s+|versione\s+di\s+)?(?:modello|ia|intelligenza\s+artificiale|llm|versione|bot|chatbot|assistente|sistema)(?:\s+di\s+(?:ia|linguaggio|intelligenza\s+artificiale))?\s+(?:sei(?:\s+tu)?|e\s+questo|stai\s+usando|usi|utilizzi){END}`,
  ),
  id(
    "model",
    "it",
    0.85,
    r`{B}su\s+(?:quale|che)\s+modello\s+(?:sei\s+basat[oa]|ti\s+basi|si\s+basa\s+questo\s+chat){END}`,
  ),
  id(
    "model",
    "it",
    0.9,
    r`{B}sei\s+(?:davvero\s+|veramente\s+)?(?:un'|una\s+|un\s+)?(?:{MODEL_NAME}|ia|bot|robot|umano|essere\s+umano|persona(?:\s+reale|\s+vera)?|macchina|programma|chatbot|intelligenza\s+artificiale|modello\s+linguistico|reale|cosciente){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "it",
    0.85,
    r`{B}sto\s+parlando\s+con\s+(?:un'|una\s+|un\s+)(?:umano|persona(?:\s+reale|\s+vera)?|bot|robot|macchina|ia|intelligenza\s+artificiale|programma){OR}{END}`,
  ),
  id(
    "creator",
    "it",
    0.9,
    r`{B}(?:chi|quale\s+(?:azienda|societa|compagnia)|che\s+(?:azienda|societa))\s+ti\s+ha\s+(?:creato|sviluppato|addestrato|fatto|programmato|progettato|costruito){END}`,
  ),
  id(
    "creator",
    "it",
    0.85,
    r`{B}(?:chi\s+c'e\s+dietro\s+(?:di\s+te|a\s+te|questo\s+(?:chatbot|bot|assistente|modello)|questa\s+ia)|da\s+chi\s+sei\s+stat[oa]\s+(?:creat[oa]|sviluppat[oa]|addestrat[oa]|programmat[oa])|chi\s+(?:e|sono)\s+(?:il\s+tuo|i\s+tuoi)\s+(?:creatore|creatori|sviluppatore|sviluppatori|proprietario)){END}`,
  ),
  fb(
    "it",
    0.85,
    r`{B}(?:segnalare|riportare|denunciare|segnalo|segnala)\s+(?:{PROBLEM_IT}|{REF_IT})(?:\s+(?:con|in|su|di|riguardo|nella|nel|nelle|del|della|sulla|sul|a)\s+{REF_IT})?{END}`,
  ),
  fb(
    "it",
    0.85,
    r`{B}segnalare\s+(?:un|una|il|la)\s+(?:problema|errore|bug)\s+(?:con|in|su|di|riguardo)\s+(?:questo|questa|il|la|tua|tue|tuo)\s+(?:modello|assistente|ia|bot|chatbot|risposte?)`,
  ),
  fb(
    "it",
    0.85,
    r`{B}(?:dove|come|a\s+chi)\s+(?:posso\s+|si\s+puo\s+|devo\s+|potrei\s+)?(?:lamentarmi|fare\s+(?:un\s+)?reclamo|presentare\s+(?:un\s+)?reclamo|(?:dare|lasciare|inviare|mandare)\s+(?:un\s+|il\s+mio\s+|dei\s+|il\s+|una\s+)?(?:feedback|commento|commenti|parere|opinione|recensione|suggerimenti?))(?:\s+(?:su|sul|sulla|riguardo|di|del|della|per|a)\s+{REF_IT})?{END}`,
  ),
  fb(
    "it",
    0.85,
    r`{B}(?:voglio|vorrei|devo)\s+(?:lamentarmi|fare\s+(?:un\s+)?reclamo|dare\s+(?:un\s+)?feedback|lasciare\s+(?:un\s+)?feedback)(?:\s+(?:di|per|su|riguardo|della|del|sulla|sul|a)\s+{REF_IT})?{END}`,
  ),
  fb(
    "it",
    0.85,
    r`{B}(?:come|dove)\s+(?:posso\s+)?contattare\s+(?:l'assistenza|il\s+supporto|i\s+(?:tuoi\s+)?(?:creatori|sviluppatori))(?:\s+(?:per|riguardo|su)\s+{REF_IT})?{END}`,
  ),
  fb(
    "it",
    0.8,
    r`{B}(?:(?:la\s+tua|questa|la)\s+(?:ultima\s+)?(?:risposta|traduzione|spiegazione)\s+(?:e|era|sembra|contiene)\s+(?:completamente\s+|totalmente\s+|chiaramente\s+)?(?:sbagliata|errata|offensiva|inappropriata|pericolosa|falsa|scorretta|un\s+errore|errori)|ti\s+sei\s+sbagliat[oa]|hai\s+sbagliato)`,
    r`{B}(?:dove|come|a\s+chi)\s+(?:posso\s+|devo\s+|si\s+puo\s+)?(?:lo\s+|la\s+)?(?:segnalare|segnalarlo|segnalarla|lamentarmi|dirlo|comunicarlo|riferirlo){END}`,
  ),

  // ---------------------------------------------------------------- Portuguese
  id("who_are_you", "pt", 0.9, r`{B}(?:quem|o\s+que)\s+(?:e|es)\s+(?:voce|tu){END}`),
  id("who_are_you", "pt", 0.85, r`{B}(?:e\s+)?(?:voce|tu),?\s+(?:(?:e|es)\s+(?:quem|o\s+que)|quem\s+(?:e|es)){END}`),
  id(
    "who_are_you",
    "pt",
    0.85,
    r`{B}com\s+(?:quem|o\s+que)\s+(?:estou\s+falando|falo|eu\s+estou\s+falando|estou\s+conversando){END}`,
  ),
  id(
    "who_are_you",
    "pt",
    0.8,
    r`{B}(?:apresente-se|se\s+apresente|apresenta-te|(?:me\s+)?(?:fale|fala|conte|conta)\s+(?:um\s+pouco\s+)?(?:sobre|de)\s+(?:voce|ti)(?:\s+mesm[oa])?){END}`,
  ),
  id(
    "name",
    "pt",
    0.9,
    r`{B}(?:como\s+(?:voce\s+se\s+chama|te\s+chamas|se\s+chama\s+voce)|qual\s+(?:e\s+)?o\s+(?:seu|teu)\s+nome|voce\s+tem\s+(?:um\s+)?nome|como\s+(?:devo|posso)\s+(?:te\s+)?chamar(?:\s+voce)?){END}`,
  ),
  id(
    "model",
    "pt",
    0.9,
    r`{B}(?:qual|que)\s+(?:tipo\s+de\s+|versao\s+d[eo]\s+)?(?:modelo|ia|inteligencia\s+artificial|llm|versao|bot|chatbot|assistente|sistema)(?:\s+de\s+(?:ia|linguagem))?\s+(?:voce\s+e|e\s+voce|es\s+tu|e\s+(?:esse|este|esta|essa)|voce\s+(?:usa|esta\s+usando|utiliza)){END}`,
  ),
  id(
    "model",
    "pt",
    0.85,
    r`{B}em\s+(?:qual|que)\s+modelo\s+(?:voce\s+(?:se\s+baseia|e\s+baseado|foi\s+baseado)|tu\s+es\s+baseado){END}`,
  ),
  id(
    "model",
    "pt",
    0.9,
    r`{B}(?:voce\s+e|tu\s+es)\s+(?:mesmo\s+|realmente\s+|de\s+verdade\s+)?(?:o\s+|a\s+|um\s+|uma\s+)?(?:{MODEL_NAME}|ia|bot|robo|humano|ser\s+humano|pessoa(?:\s+real|\s+de\s+verdade)?|inteligencia\s+artificial|maquina|programa|chatbot|modelo\s+de\s+linguagem|real|consciente){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "pt",
    0.85,
    r`{B}(?:estou|eu\s+estou)\s+(?:falando|conversando)\s+com\s+(?:um|uma)\s+(?:humano|pessoa(?:\s+real)?|bot|robo|maquina|ia|inteligencia\s+artificial|programa){OR}{END}`,
  ),
  id(
    "creator",
    "pt",
    0.9,
    r`{B}(?:quem|qual\s+empresa|que\s+empresa)\s+(?:te\s+)?(?:criou|desenvolveu|treinou|fez|programou|construiu)(?:\s+voce)?{END}`,
  ),
  id(
    "creator",
    "pt",
    0.85,
    r`{B}(?:quem\s+esta\s+por\s+tras\s+d(?:e\s+voce|este\s+chatbot|esse\s+chatbot|esta\s+ia|essa\s+ia|este\s+bot)|quem\s+(?:e|sao)\s+(?:o\s+seu|os\s+seus|o\s+teu)\s+(?:criador|criadores|desenvolvedor|desenvolvedores|dono)|voce\s+foi\s+(?:criado|desenvolvido|treinado|feito)\s+por\s+(?:quem|qual\s+empresa|{COMPANY})){END}`,
  ),
  fb(
    "pt",
    0.85,
    r`{B}(?:relatar|reportar|denunciar|informar|comunicar|sinalizar|reporto|relato|denuncio)\s+(?:{PROBLEM_PT}|{REF_PT})(?:\s+(?:com|em|na|no|sobre|nesta|neste|nessa|nesse|da|do|de|dessa|desta|deste|desse)\s+{REF_PT})?{END}`,
  ),
  fb(
    "pt",
    0.85,
    r`{B}(?:relatar|reportar|denunciar|informar|comunicar)\s+(?:um|uma|o|a)\s+(?:problema|erro|bug)\s+(?:com|em|na|no|sobre|nesta|neste)\s+(?:este|esta|o|a|sua|seu|suas|seus)?\s*(?:modelo|assistente|ia|bot|chatbot|respostas?)`,
  ),
  fb(
    "pt",
    0.85,
    r`{B}(?:onde|como|a\s+quem|pra\s+quem|para\s+quem)\s+(?:(?:eu\s+)?posso\s+|se\s+pode\s+|devo\s+|faco\s+para\s+|faco\s+pra\s+|consigo\s+)?(?:reclamar|fazer\s+uma\s+reclamacao|(?:dar|deixar|enviar|mandar)\s+(?:um\s+|meu\s+|minha\s+|uma\s+)?(?:feedback|comentario|opiniao|sugestao|avaliacao|reclamacao))(?:\s+(?:sobre|de|da|do|dessa|desta|deste|desse|a\s+respeito\s+de|para)\s+{REF_PT})?{END}`,
  ),
  fb(
    "pt",
    0.85,
    r`{B}(?:quero|queria|gostaria\s+de|preciso|vou)\s+(?:reclamar|fazer\s+uma\s+reclamacao|me\s+queixar|dar\s+(?:um\s+)?feedback|deixar\s+(?:um\s+)?feedback)(?:\s+(?:de|da|do|dessa|desta|deste|desse|sobre|a\s+respeito\s+de)\s+{REF_PT})?{END}`,
  ),
  fb(
    "pt",
    0.85,
    r`{B}(?:como|onde)\s+(?:posso\s+|faco\s+para\s+)?(?:contatar|falar\s+com|entrar\s+em\s+contato\s+com)\s+(?:o\s+suporte|o\s+atendimento|seus\s+(?:criadores|desenvolvedores)|os\s+(?:criadores|desenvolvedores)\s+(?:dessa|desta|deste|desse)\s+(?:ia|bot|chatbot|assistente)){END}`,
  ),
  fb(
    "pt",
    0.8,
    r`{B}(?:(?:sua|essa|esta|a)\s+(?:ultima\s+)?(?:resposta|traducao|explicacao|informacao)\s+(?:esta|e|foi|parece|contem|tem)\s+(?:completamente\s+|totalmente\s+|claramente\s+|muito\s+)?(?:errada|incorreta|ofensiva|inapropriada|perigosa|falsa|um\s+erro|erros)|voce\s+(?:errou|se\s+enganou|me\s+deu\s+(?:uma\s+)?(?:resposta|informacao)\s+(?:errada|falsa|incorreta)))`,
    r`{B}(?:onde|como|a\s+quem|pra\s+quem|para\s+quem)\s+(?:(?:eu\s+)?posso\s+|devo\s+|faco\s+para\s+)?(?:relatar|reportar|denunciar|reclamar|avisar|informar|comunicar|falar)(?:\s+isso)?{END}`,
  ),

  // ---------------------------------------------------------------- Russian (й -> и, ё -> е after normalisation)
  id("who_are_you", "ru", 0.9, r`{B}(?:кто|что)\s+(?:ты|вы){END}`),
  id("who_are_you", "ru", 0.85, r`{B}(?:а\s+)?(?:ты|вы)\s+кто{END}`),
  id(
    "who_are_you",
    "ru",
    0.85,
    r`{B}что\s+(?:ты|вы)\s+за\s+(?:зверь|программа|бот|штука|существо|модель|нейросеть|ии|система){END}`,
  ),
  id("who_are_you", "ru", 0.85, r`{B}с\s+кем\s+я\s+(?:сейчас\s+)?(?:говорю|разговариваю|общаюсь|переписываюсь){END}`),
  id(
    "who_are_you",
    "ru",
    0.8,
    r`{B}(?:представься|представьтесь|расскаж(?:и|ите)\s+(?:немного\s+|мне\s+)*(?:о|про)\s+себе){END}`,
  ),
  id(
    "name",
    "ru",
    0.9,
    r`{B}(?:как\s+(?:тебя|вас)\s+зовут|как\s+(?:твое|ваше)\s+имя|какое\s+у\s+(?:тебя|вас)\s+имя|у\s+(?:тебя|вас)\s+есть\s+имя|как\s+(?:мне\s+)?(?:к\s+(?:тебе|вам)\s+обращаться|(?:тебя|вас)\s+называть)|(?:назови|скажи)\s+(?:мне\s+)?(?:свое|твое)\s+имя){END}`,
  ),
  id(
    "model",
    "ru",
    0.9,
    r`{B}(?:какая|какой|какое|что\s+за)\s+(?:ты|вы)\s+(?:модель|нейросеть|ии|версия|бот|llm|языковая\s+модель){END}`,
  ),
  id(
    "model",
    "ru",
    0.9,
    r`{B}(?:какая|какой|какое|что\s+за)\s+(?:именно\s+)?(?:модель|нейросеть|ии|версия|бот|llm|языковая\s+модель|нейронка|gpt|чат-?бот|система|ассистент|программа)\s+(?:ты|вы|это|тут|здесь|со\s+мной\s+(?:говорит|общается|разговаривает|переписывается)|мне\s+отвечает|отвечает(?:\s+мне)?|(?:ты\s+)?используешь|используется|лежит\s+в\s+основе|стоит\s+за\s+(?:тобой|вами|этим\s+ботом)){END}`,
  ),
  id(
    "model",
    "ru",
    0.85,
    r`{B}на\s+(?:какой|чем)\s+(?:модели\s+)?(?:ты|вы)\s+(?:основан[аы]?|работаешь|работаете|построен[аы]?|сделан[аы]?){END}`,
  ),
  id(
    "model",
    "ru",
    0.9,
    r`{B}(?:ты|вы)(?:\s*[-–—]\s*|\s+)(?:что\s+ли\s+|правда\s+|действительно\s+|реально\s+)?(?:{MODEL_NAME}|бот|робот|человек|живой\s+человек|настоящий\s+человек|реальный\s+человек|нейросеть|ии|искусственный\s+интеллект|машина|программа|языковая\s+модель|чат-?бот|компьютер|алгоритм){OR}(?:\s+что\s+ли|\s+или\s+нет)?{END}`,
  ),
  id(
    "human_or_ai",
    "ru",
    0.85,
    r`{B}я\s+(?:сейчас\s+)?(?:говорю|разговариваю|общаюсь|переписываюсь|пишу)\s+с\s+(?:ботом|человеком|живым\s+человеком|реальным\s+человеком|роботом|машиной|программой|нейросетью|ии|искусственным\s+интеллектом){OR}{END}`,
  ),
  id(
    "creator",
    "ru",
    0.9,
    r`{B}кто\s+(?:тебя|вас)\s+(?:создал|сделал|разработал|обучил|написал|придумал|натренировал|запрограммировал){END}`,
  ),
  id(
    "creator",
    "ru",
    0.9,
    r`{B}(?:какая|что\s+за)\s+(?:компания|фирма|организация|команда|лаборатория|корпорация)\s+(?:тебя|вас)\s+(?:создала|сделала|разработала|обучила|выпустила|натренировала){END}`,
  ),
  id(
    "creator",
    "ru",
    0.85,
    r`{B}(?:кто\s+(?:стоит|стоят)\s+за\s+(?:тобой|вами|этим\s+(?:ботом|чат-?ботом|ассистентом)|этой\s+(?:нейросетью|моделью|программой))|кто\s+(?:твой|ваш)\s+(?:создатель|разработчик|владелец|автор|хозяин)|кем\s+(?:ты|вы)\s+(?:был[аи]?\s+)?(?:создан[аы]?|разработан[аы]?|обучен[аы]?|сделан[аы]?)|(?:чья|чей|чье)\s+(?:ты|вы)\s+(?:модель|нейросеть|разработка)|(?:от|из)\s+какой\s+(?:ты\s+)?компании(?:\s+ты)?){END}`,
  ),
  fb(
    "ru",
    0.85,
    r`{B}(?:сообщить|пожаловаться|написать|рассказать|заявить|отправить\s+жалобу|оставить\s+жалобу)\s+(?:о|об|про|на)\s+(?:{PROBLEM_RU}|{REF_RU})(?:\s+(?:с|в|от|у)\s+{REF_RU})?{END}`,
  ),
  fb(
    "ru",
    0.85,
    r`{B}(?:сообщить|пожаловаться|написать|рассказать)\s+о\s+(?:проблеме|ошибке|баге|сбое)\s+(?:с|в)\s+(?:этой|этим|твоей|твоим|вашей|вашим)\s+(?:моделью|ботом|ассистентом|ответом|нейросетью)`,
  ),
  fb(
    "ru",
    0.85,
    r`{B}(?:оставить|написать|дать|отправить)\s+(?:отзыв|обратную\s+связь|жалобу|фидбек|фидбэк)\s+(?:об?|на|по|про)\s+(?:этом\s+|этой\s+|твоем\s+|этот\s+|твой\s+)?(?:ответе|ответу|ответ|ассистенте|ассистента|модели|боте|бота|нейросети)`,
  ),
  fb(
    "ru",
    0.85,
    r`{B}(?:как|где|куда)\s+(?:мне\s+|можно\s+)?(?:оставить|написать|отправить|дать)\s+(?:обратную\s+связь|жалобу|фидбек|фидбэк)(?:\s+(?:о|об|на|по|про)\s+{REF_RU})?{END}`,
  ),
  fb(
    "ru",
    0.85,
    r`{B}(?:хочу|хотел\s+бы|хотела\s+бы|нужно|надо|могу\s+ли\s+я)\s+(?:пожаловаться|сообщить\s+об?\s+(?:ошибке|проблеме)|оставить\s+(?:жалобу|отзыв))(?:\s+(?:на|о|об|про)\s+{REF_RU})?{END}`,
  ),
  fb(
    "ru",
    0.85,
    r`{B}(?:как|где|куда)\s+(?:мне\s+|можно\s+)?(?:связаться|написать|обратиться)\s+(?:с|в|к)\s+(?:поддержк(?:ой|у|е)|службой\s+поддержки|разработчикам(?:и)?|создателям(?:и)?|техподдержк(?:ой|у))(?:\s+(?:этого\s+)?(?:бота|ассистента|модели|сервиса))?{END}`,
  ),
  fb(
    "ru",
    0.8,
    r`{B}(?:(?:твой|этот|ваш|последний)\s+ответ\s+(?:был\s+|[-–—]\s+)?(?:неправильный|неверный|ошибочный|неточный|оскорбительный|опасный|ложный|неправильно|неверно|оскорбительно|ошибка|вранье|чушь)|(?:ты|бот)\s+(?:ошибся|соврал|наврал|ошибаешься|врешь|дал\s+(?:неправильный|неверный|опасный|ложный)\s+(?:ответ|совет)))`,
    r`{B}(?:куда|где|как|кому)\s+(?:мне\s+|можно\s+|это\s+)?(?:сообщить|пожаловаться|написать|обратиться|отправить|передать|рассказать)(?:\s+об\s+этом)?{END}`,
  ),

  // ---------------------------------------------------------------- Dutch
  id("who_are_you", "nl", 0.9, r`{B}(?:wie|wat)\s+(?:ben\s+(?:jij|je)|bent\s+u){END}`),
  id("who_are_you", "nl", 0.85, r`{B}met\s+wie\s+(?:praat|spreek|chat)\s+ik(?:\s+hier)?{END}`),
  id(
    "who_are_you",
    "nl",
    0.8,
    r`{B}(?:stel\s+(?:jezelf|je)\s+(?:eens\s+|even\s+)?voor|vertel\s+(?:eens\s+|me\s+)*(?:iets\s+)?over\s+jezelf){END}`,
  ),
  id(
    "name",
    "nl",
    0.9,
    r`{B}(?:hoe\s+(?:heet\s+(?:jij|je)|heet\s+u)|wat\s+is\s+(?:je|jouw|uw)\s+naam|heb\s+(?:je|jij)\s+een\s+naam){END}`,
  ),
  id(
    "model",
    "nl",
    0.9,
    r`{B}(?:welk(?:e)?|wat\s+voor(?:\s+een)?)\s+(?:soort\s+)?(?:ai-?\s?)?(?:model|ai|taalmodel|versie|bot|chatbot|systeem|assistent|llm|ding)\s+(?:ben\s+(?:jij|je)|bent\s+u|is\s+dit|gebruik\s+(?:je|jij)|draai\s+(?:je|jij)){END}`,
  ),
  id(
    "model",
    "nl",
    0.9,
    r`{B}(?:ben\s+(?:jij|je)|bent\s+u)\s+(?:echt\s+|eigenlijk\s+)?(?:een\s+)?(?:echte?\s+)?(?:{MODEL_NAME}|robot|bot|mens|ai|machine|chatbot|computer|programma|persoon|taalmodel|echt){OR}{END}`,
  ),
  id(
    "human_or_ai",
    "nl",
    0.85,
    r`{B}(?:praat|spreek|chat)\s+ik\s+(?:hier\s+|nu\s+)?met\s+een\s+(?:echt(?:e)?\s+)?(?:mens|bot|robot|ai|machine|computer|persoon|programma){OR}{END}`,
  ),
  id(
    "creator",
    "nl",
    0.9,
    r`{B}(?:wie|welk\s+bedrijf)\s+heeft\s+(?:jou|je|u)\s+(?:gemaakt|ontwikkeld|getraind|gebouwd|geprogrammeerd|bedacht){END}`,
  ),
  id(
    "creator",
    "nl",
    0.85,
    r`{B}(?:wie\s+zit(?:ten)?\s+(?:er\s+)?achter\s+(?:jou|u|deze\s+(?:chatbot|bot|ai|assistent)|dit\s+model)|door\s+wie\s+ben\s+(?:je|jij)\s+(?:gemaakt|ontwikkeld|getraind)|wie\s+is\s+(?:je|jouw|uw)\s+(?:maker|ontwikkelaar|eigenaar|bedenker)){END}`,
  ),
  fb(
    "nl",
    0.85,
    r`{B}(?:een|het)\s+(?:probleem|fout|bug)(?:\s+(?:met|in|over)\s+(?:dit|deze|het|jouw|je)\s+(?:model|assistent|antwoord|antwoorden|ai|bot))?\s+(?:melden|rapporteren)`,
  ),
  fb(
    "nl",
    0.85,
    r`{B}(?:waar|hoe|bij\s+wie)\s+(?:kan|moet|mag)\s+ik\s+(?:(?:{PROBLEM_NL}|{REF_NL}|dit|dat|het)(?:\s+(?:met|in|over|van|bij)\s+{REF_NL})?\s+)?(?:melden|rapporteren|aangeven|doorgeven){END}`,
  ),
  fb(
    "nl",
    0.85,
    r`{B}(?:waar|hoe|bij\s+wie)\s+(?:kan|moet|mag)\s+ik\s+(?:(?:mijn\s+|wat\s+|een\s+)?(?:feedback|klacht|opmerkingen?|commentaar|suggesties?)(?:\s+(?:over|op|voor)\s+{REF_NL})?\s+(?:geven|indienen|achterlaten|sturen|versturen|doorgeven|kwijt)|(?:over\s+{REF_NL}\s+)?klagen|(?:feedback|een\s+klacht)\s+(?:geven|indienen|sturen|achterlaten)\s+over\s+{REF_NL}){END}`,
  ),
  fb(
    "nl",
    0.85,
    r`{B}ik\s+(?:wil|zou\s+graag|moet)\s+(?:(?:een\s+)?klacht\s+indienen|klagen|(?:{PROBLEM_NL}|{REF_NL})\s+melden|feedback\s+geven)(?:\s+over\s+{REF_NL})?{END}`,
  ),
  fb(
    "nl",
    0.8,
    r`{B}(?:je|jouw|dit|het|uw)\s+(?:laatste\s+)?(?:antwoord|vertaling|uitleg|reactie)\s+(?:is|was|lijkt|bevat)\s+(?:helemaal\s+|totaal\s+|echt\s+|gewoon\s+|duidelijk\s+)?(?:fout|onjuist|verkeerd|beledigend|ongepast|gevaarlijk|onzin|incorrect|misleidend)`,
    r`{B}(?:waar|hoe|bij\s+wie|aan\s+wie)\s+(?:kan|moet|mag)\s+ik\s+(?:dit\s+|dat\s+|het\s+)?(?:melden|rapporteren|doorgeven|klagen|vertellen|laten\s+weten){END}`,
  ),

  // ---------------------------------------------------------------- Chinese (no word spaces: explicit continuations)
  id("who_are_you", "zh", 0.9, r`{ZH_YOU}(?:到底|究竟|又)?是谁{ZH_END}`),
  id("who_are_you", "zh", 0.85, r`{ZH_YOU}(?:到底|究竟)?是(?:什么|啥)(?:东西|玩意儿?|人)?{ZH_END}`),
  id("who_are_you", "zh", 0.85, r`介绍一下{ZH_YOU}自己(?!的)|{ZH_YOU}(?:先|来)?(?:做|来)(?:个|一个|一下)?自我介绍`),
  id("who_are_you", "zh", 0.85, r`我(?:在|正在)?(?:和|跟|与)谁(?:聊天|说话|对话|交流)`),
  id("who_are_you", "zh", 0.85, r`(?:和|跟|与)我(?:聊天|说话|对话|交流)的(?:是|是不是)(?:谁|什么)`),
  id(
    "name",
    "zh",
    0.9,
    r`{ZH_YOU}叫(?:什么|啥)(?:名字)?|{ZH_YOU}的名字(?:是|叫)(?:什么|啥)|{ZH_YOU}有(?:没有)?名字(?:吗|么|嘛)|(?:怎么|如何)称呼{ZH_YOU}|{ZH_YOU}怎么称呼|{ZH_YOU}(?:贵姓|尊姓大名)`,
  ),
  id(
    "model",
    "zh",
    0.9,
    r`{ZH_YOU}(?:是|用的是|使用的是|基于|是基于|背后是|底层是|采用的是|用了)(?:什么|哪个|哪种|哪一个|哪款|哪家的?|啥)(?:样的|类型的)?(?:ai|人工智能|大|语言|底层|基础)?(?:模型|ai|人工智能|机器人|语言模型|助手|版本|技术|llm|gpt)`,
  ),
  id(
    "model",
    "zh",
    0.85,
    r`{ZH_YOU}的(?:底层|基础)?(?:模型|版本|架构)(?:名称|名字)?(?:是|叫)(?:什么|哪个|啥)|(?:当前|现在|目前)(?:使用|用)的(?:是)?(?:什么|哪个)(?:模型|ai)`,
  ),
  id("model", "zh", 0.9, r`{ZH_YOU}(?:是不是|是|是基于|基于)(?:不是)?{MODEL_NAME}(?:的)?(?:吗|嘛|么)?{ZH_END}`),
  id(
    "human_or_ai",
    "zh",
    0.85,
    r`{ZH_YOU}(?:是不是|是)(?:一个|个)?(?:真人|真的人|人类|活人|真实的人|人|机器人|ai|人工智能|机器|程序|聊天机器人|语言模型)(?:还是|或者|吗|嘛|么|呢|\?|$)`,
  ),
  id(
    "human_or_ai",
    "zh",
    0.85,
    r`我(?:在|正在|是在)?(?:和|跟|与)(?:一个)?(?:真人|人|机器人|ai|人工智能|机器|程序)(?:在)?(?:聊天|说话|对话|交流)(?:吗|嘛|么|\?)`,
  ),
  id(
    "model",
    "zh",
    0.85,
    r`我(?:在|正在)?(?:和|跟|与)(?:哪个|什么|哪种)(?:ai|模型|机器人|人工智能|助手)(?:聊天|说话|对话|交流)`,
  ),
  id("creator", "zh", 0.9, r`{ZH_WHO}{ZH_MAKE}(?:了|出了)?{ZH_YOU}`),
  id("creator", "zh", 0.9, r`{ZH_YOU}是(?:由)?{ZH_WHO}{ZH_MAKE}(?:出来)?的`),
  id(
    "creator",
    "zh",
    0.85,
    r`{ZH_YOU}的?(?:开发者|开发商|创造者|创建者|制造者|作者|研发者|研发团队|开发团队|东家|老板|所属公司)是(?:谁|哪家|哪个|什么)|{ZH_YOU}(?:来自|出自|属于)(?:哪家|哪个|什么)(?:公司|团队|机构)|{ZH_YOU}(?:背后)?是(?:哪家|哪个|什么)公司|谁(?:在)?{ZH_YOU}背后`,
  ),
  fb(
    "zh",
    0.85,
    r`(?:在哪里?|在哪儿|哪里|去哪(?:里|儿)?|怎么|如何|怎样|向谁|找谁|从哪)(?:可以|能|才能|才可以|能够|去)?(?:报告|反馈|举报|投诉|报错|上报)(?:一下)?(?:{ZH_REF}的?{ZH_PROBLEM}?|{ZH_PROBLEM})(?:(?![\p{sc=Han}])|(?=[吗呢吧啊呀嘛]))`,
  ),
  fb(
    "zh",
    0.85,
    r`(?:在哪里|在哪儿|哪里|怎么|如何|怎样)(?:可以|能|才能)?(?:报告|反馈|举报|投诉)(?:这个|该|你的)?(?:模型|回答|ai|助手|机器人)?的?(?:问题|错误|bug|故障)`,
  ),
  fb("zh", 0.8, r`(?:回答|答案|模型|助手|ai)[^。？！?!]{0,12}(?:我想|我要|我需要)(?:投诉|举报|反馈)`),
  fb(
    "zh",
    0.85,
    r`(?:我想|我要|我需要|我希望|想要)(?:反馈|报告|举报|投诉|吐槽)(?:一下)?(?:{ZH_YOU}|这个|你的|该|这条|刚才的)(?:的)?(?:回答|模型|ai|助手|答案|回复)?`,
  ),
  fb(
    "zh",
    0.85,
    r`(?:在哪里?|哪里|怎么|如何|怎样|去哪)(?:可以|能|才能)?(?:给|向)(?:你们|开发者|开发团队|官方|客服)(?:提|提交|提供|发送|给出|留下)?(?:反馈|意见|建议|投诉)|(?:在哪里?|哪里|怎么|如何|怎样)(?:可以|能|才能)?(?:提交|提供|发送|给出|留下)(?:反馈|意见)`,
  ),
  fb(
    "zh",
    0.85,
    r`(?:怎么|如何|怎样|在哪里?|哪里)(?:可以|能|才能)?(?:联系|联络|找到|找)(?:你们的|你的)?(?:客服|开发者|开发团队|开发人员|官方|创造者|工作人员|人工客服)`,
  ),
  fb(
    "zh",
    0.8,
    r`(?:这个|你的|刚才的|上面的|这条|该)(?:回答|答案|回复|内容|输出)(?:是|完全|明显|有点|简直)*(?:错的|错误|不对|有问题|有误|不准确|胡说|胡编|编造的?|瞎编|冒犯|有害|不当|不合适)`,
    r`(?:在哪里?|哪里|怎么|如何|向谁|找谁|跟谁|去哪)(?:可以|能|才能|该)?(?:反馈|举报|投诉|报告|报错|说|反映)`,
  ),

  // ---------------------------------------------------------------- Japanese
  id("who_are_you", "ja", 0.9, r`{JA_YOU}(?:は|って)(?:誰|だれ|何者|なにもの|何|なに|なん){JA_END}`),
  id("who_are_you", "ja", 0.85, r`(?:誰|だれ)と(?:話して|話し|チャットして|会話して)`),
  id(
    "who_are_you",
    "ja",
    0.8,
    r`(?:^|[、。\s])(?:まず|では|じゃあ)?(?:簡単に)?自己紹介(?:して|をして|をお願い|お願い)|{JA_YOU}(?:について|のことを)(?:教えて|話して)`,
  ),
  id(
    "human_or_ai",
    "ja",
    0.85,
    r`{JA_YOU}(?:は|って)(?:本物の人間|生身の人間|人間|人|aiアシスタント|ai|ロボット|ボット|機械|人工知能|プログラム|チャットボット|{MODEL_NAME})(?:です|なの|か|で|[?]|$)`,
  ),
  id(
    "human_or_ai",
    "ja",
    0.85,
    r`(?:人間|本物の人|ai|ボット|ロボット|機械)と(?:話して|会話して|チャットして)(?:いる|います|る)(?:の)?(?:か|[?])`,
  ),
  id(
    "name",
    "ja",
    0.9,
    r`{JA_YOU}の(?:お)?名前(?:は|を)(?:何|なん|なに|教えて|聞いても|知りたい)|(?:^|[、。\s])(?:お)?名前は(?:何|なん|なに)?(?:です|でしょう)?か?[?]|(?:^|[、。\s])(?:お)?名前を教えて|(?:何|なん)て?と?呼べば`,
  ),
  id(
    "model",
    "ja",
    0.9,
    r`{JA_YOU}は(?:どの|どんな|何の|なんの|何という|なんという)(?:ai|言語|大規模言語)?(?:モデル|ai|llm|バージョン|ボット|チャットボット|システム)`,
  ),
  id(
    "model",
    "ja",
    0.85,
    r`{JA_YOU}の(?:ベースの?|基盤の?)?(?:モデル|バージョン|llm|ai)(?:名)?は(?:何|なん|なに|どれ)`,
  ),
  id(
    "model",
    "ja",
    0.85,
    r`(?:{JA_YOU}は|ここでは|このチャットでは|このaiは|^)(?:どの|どんな|何の|なんの)(?:ai|言語)?(?:モデル|ai|llm)(?:を|が)(?:使って|使われて|動いて|ベース)`,
  ),
  id("model", "ja", 0.85, r`(?:どの|どんな)(?:ai|モデル|ボット)と(?:話して|会話して|チャットして)`),
  id("creator", "ja", 0.9, r`(?:誰|だれ|どこ|どの会社)が{JA_YOU}を(?:作|つく|開発|訓練|トレーニング)`),
  id(
    "creator",
    "ja",
    0.85,
    r`{JA_YOU}を(?:作った|つくった|開発した|訓練した|作成した|トレーニングした|生み出した)(?:の|人|会社)は(?:誰|だれ|どこ|どの会社)|{JA_YOU}の(?:開発者|開発元|作成者|製作者|制作者|作者|生みの親|提供元|運営会社|運営元)は(?:誰|だれ|どこ|どちら)|{JA_YOU}は(?:どこ|どの会社|誰|だれ)(?:が|に)(?:作|開発|つく|訓練|作成)|{JA_YOU}は(?:どこの|どの会社の)(?:ai|モデル|会社)`,
  ),
  fb(
    "ja",
    0.85,
    r`{JA_REF}(?:の|に|で)(?:{JA_PROBLEM})(?:が|は|を)?(?:ある場合|あった場合|あれば|見つけた場合|ありました)?[^。?!]{0,16}(?:どこ|どうやって|どのように|誰|だれ)(?:に|で|へ|から)?(?:報告|連絡|通報|問い合わせ|フィードバック|伝え)`,
  ),
  fb(
    "ja",
    0.85,
    r`(?:{JA_REF}|{JA_PROBLEM})(?:を|について|に関して|についての|に関する|への)(?:報告|通報|フィードバック|苦情|クレーム|意見)(?:を)?(?:したい|する方法|できます|できる|送|言いたい|入れたい|はどこ|先|し|お送り|与え|残)`,
  ),
  fb(
    "ja",
    0.85,
    r`(?:^|[、。\s?!])(?:フィードバック|意見|要望|苦情|クレーム|不具合報告)(?:を|は)?(?:(?:どこ|どうやって|どのように)(?:で|に|へ|から)?(?:送|伝え|出せ|出し|言え|すれば|できます|報告)|(?:送る|伝える|出す|報告する)(?:には|方法))`,
  ),
  fb(
    "ja",
    0.85,
    r`(?<!の)(?:運営|開発者|開発元|サポート|お問い合わせ|問い合わせ|カスタマーサポート|運営会社)(?:に|へ|と)?(?:連絡|問い合わせ|報告)(?:する|したい|できます|するには|方法|先)`,
  ),
  fb(
    "ja",
    0.8,
    r`(?:この|その|あなたの|今の|さっきの)(?:回答|返答|答え|説明|情報)(?:は|が)(?:間違って|間違い|誤り|おかしい|不適切|不正確|嘘|デタラメ|差別的|危険|攻撃的)`,
    r`(?:どこ|どうやって|誰|だれ|どのように)(?:に|で|へ)?(?:報告|連絡|通報|伝え|問い合わせ|フィードバック)`,
  ),
];
