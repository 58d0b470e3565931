using System.Collections.Frozen;

namespace Dossier.Analysis.Tokenization;

/// <summary>
/// Capitalised words that open sentences far more often than they continue a name. After an
/// abbreviation ("… in the U.S. The …") such a word means the period also ends the sentence.
/// </summary>
internal static class SentenceStarters
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words =
        FrozenSet.Create(StringComparer.Ordinal,
            "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her",
            "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "However", "In", "On", "At", "For", "If",
            "When", "While", "As", "After", "Before", "Since", "Although", "There", "Here", "What", "Who", "Why", "How",
            "Some", "Many", "Most", "Other", "Another", "Such", "No", "Not", "All", "Both", "Each", "Every", "One", "Then",
            "Now", "Also", "Still", "Meanwhile", "Last", "Earlier", "Later", "Today", "Yesterday", "According", "Please",
            "Thanks", "Thank", "Is", "Are", "Was", "Were", "Do", "Does", "Did", "Can", "Could", "Will", "Would", "Should")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Words.Contains(word);
}
