namespace Dossier.Analysis.Syntax;

/// <summary>
/// Packs a feature template number and up to three small integer atoms (word, tag, label ids,
/// distances) into one 64-bit key without hashing, so two different features never collide:
/// 7 bits of template, then three 19-bit atoms. Atom values must lie in [0, 2^19).
/// </summary>
internal static class FeatureKey
{
    public const int MaxAtom = (1 << 19) - 1;

    public static ulong Of(int template, int a) => (ulong)(uint)template | ((ulong)(uint)Clamp(a) << 7);

    public static ulong Of(int template, int a, int b) =>
        (ulong)(uint)template | ((ulong)(uint)Clamp(a) << 7) | ((ulong)(uint)Clamp(b) << 26);

    public static ulong Of(int template, int a, int b, int c) =>
        (ulong)(uint)template | ((ulong)(uint)Clamp(a) << 7) | ((ulong)(uint)Clamp(b) << 26) | ((ulong)(uint)Clamp(c) << 45);

    // Ids beyond the range only arise from corrupt input; folding them keeps keys well-formed.
    private static int Clamp(int value) => value & MaxAtom;
}
