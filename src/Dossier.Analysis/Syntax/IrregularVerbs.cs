using System.Collections.Frozen;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Past and participle forms of common English irregular verbs, written out by hand as a closed
/// class. The lemmatiser consults it only for VBD/VBN words that the treebank lexicon does not
/// know, because suffix rules cannot guess irregular stems: EWT's training split has no "fled",
/// and the "-led" rule learned from "called"/"killed" would turn it into "fl".
/// </summary>
internal static class IrregularVerbs
{
    // base past participle (participle omitted when equal to the past)
    private const string Table = """
        arise arose arisen|awake awoke awoken|bear bore borne|beat beat beaten|become became become|begin began begun
        bend bent|bet bet|bid bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred
        bring brought|build built|burn burnt|burst burst|buy bought|cast cast|catch caught|choose chose chosen
        cling clung|come came come|cost cost|creep crept|cut cut|deal dealt|dig dug|do did done|draw drew drawn
        dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought
        find found|flee fled|fling flung|fly flew flown|forbid forbade forbidden|forecast forecast|foresee foresaw foreseen
        forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone
        grind ground|grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit hit|hold held|hurt hurt|keep kept
        kneel knelt|know knew known|lay laid|lead led|leap leapt|learn learnt|leave left|lend lent|let let|light lit
        lose lost|make made|mean meant|meet met|mislead misled|overcome overcame overcome|overtake overtook overtaken
        overthrow overthrew overthrown|pay paid|prove proved proven|put put|quit quit|read read|rebuild rebuilt
        rid rid|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said|see saw seen|seek sought|sell sold
        send sent|set set|sew sewed sewn|shake shook shaken|shed shed|shine shone|shoot shot|show showed shown
        shrink shrank shrunk|shut shut|sing sang sung|sink sank sunk|sit sat|slay slew slain|sleep slept|slide slid
        sling slung|speak spoke spoken|speed sped|spend spent|spin spun|spit spat|split split|spread spread
        spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|stink stank stunk|stride strode stridden
        strike struck|string strung|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung
        take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|thrust thrust
        tread trod trodden|undergo underwent undergone|understand understood|undertake undertook undertaken
        uphold upheld|upset upset|wake woke woken|wear wore worn|weave wove woven|weep wept|win won|wind wound
        withdraw withdrew withdrawn|withhold withheld|withstand withstood|wring wrung|write wrote written
        """;

    private static readonly FrozenDictionary<string, string> BaseOf = Build();

    public static bool TryGetBase(string lowerForm, out string lemma) => BaseOf.TryGetValue(lowerForm, out lemma!);

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Table.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var forms = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < forms.Length; i++)
            {
                map.TryAdd(forms[i], forms[0]);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
