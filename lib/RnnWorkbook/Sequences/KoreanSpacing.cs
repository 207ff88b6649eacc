using System.Text;

namespace RnnWorkbook.Sequences;

/// <summary>
/// Korean word spacing (띄어쓰기) as tagging: remove the spaces of a line and tag each remaining character
/// "1" when a space followed it, "0" otherwise; restoring the spaces is tagging the characters of unspaced text.
/// </summary>
public static class KoreanSpacing
{
    /// <summary>The tag of a character followed by a space.</summary>
    public const string Space = "1";

    /// <summary>The tag of a character followed by another character or by the end of the line.</summary>
    public const string NoSpace = "0";

    /// <summary>The two tags, "0" first.</summary>
    public static TagSet Tags { get; } = new([NoSpace, Space]);

    #region FromLine
    /// <summary>
    /// The characters of <paramref name="line"/> without its whitespace, each tagged with whether a space
    /// followed it; runs of whitespace count as one space, leading and trailing whitespace is dropped.
    /// Characters are Unicode scalar values, so an emoji outside the BMP stays one character.
    /// </summary>
    /// <returns>The tagged characters, or null when the line holds no character but whitespace.</returns>
    public static TaggedSentence? FromLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var characters = new List<string>();
        var tags = new List<string>();
        foreach (var rune in line.Trim().EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (tags.Count > 0)
                {
                    tags[^1] = KoreanSpacing.Space;
                }

                continue;
            }

            characters.Add(rune.ToString());
            tags.Add(KoreanSpacing.NoSpace);
        }

        return characters.Count == 0 ? null : new TaggedSentence(characters, tags);
    }
    #endregion

    /// <summary>The line the tags describe: each character, and a space after those tagged "1".</summary>
    public static string Restore(IReadOnlyList<string> characters, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(characters);
        ArgumentNullException.ThrowIfNull(tags);
        if (characters.Count != tags.Count)
        {
            throw new ArgumentException($"tags: expected one per character ({characters.Count}), got {tags.Count}.", nameof(tags));
        }

        var text = new StringBuilder();
        for (int i = 0; i < characters.Count; i++)
        {
            text.Append(characters[i]);
            if (tags[i] == Space && i < characters.Count - 1)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Splits lines for spacing: whitespace-only lines are dropped and counted, repeated lines are kept once
    /// (a comment posted twice must not sit on both sides), then a seeded shuffle puts
    /// <paramref name="validationShare"/> and <paramref name="testShare"/> of the lines aside.
    /// </summary>
    /// <param name="lines">The corpus, one text a line.</param>
    /// <param name="seed">Seeds the shuffle.</param>
    /// <param name="validationShare">Share of lines for validation.</param>
    /// <param name="testShare">Share of lines for test.</param>
    /// <param name="maxTrainLines">Training lines kept at most (for shorter runs); null for all.</param>
    /// <param name="dropped">Lines dropped as empty or repeated.</param>
    public static TaggingSplit Split(IReadOnlyList<string> lines, int seed, double validationShare, double testShare, int? maxTrainLines, out (int Empty, int Repeated) dropped)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (validationShare <= 0 || testShare <= 0 || validationShare + testShare >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationShare), $"validation ({validationShare}) and test ({testShare}) shares must be positive and sum to less than 1.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sentences = new List<TaggedSentence>();
        int empty = 0, repeated = 0;
        foreach (var line in lines)
        {
            var sentence = FromLine(line);
            if (sentence is null)
            {
                empty++;
            }
            else if (!seen.Add(Restore(sentence.Tokens, sentence.Tags)))
            {
                repeated++;
            }
            else
            {
                sentences.Add(sentence);
            }
        }

        var shuffled = sentences.ToArray();
        new Random(seed).Shuffle(shuffled);
        int test = (int)Math.Round(testShare * shuffled.Length), validation = (int)Math.Round(validationShare * shuffled.Length);
        var train = shuffled.Skip(test + validation);
        dropped = (empty, repeated);
        return new TaggingSplit(
            [.. maxTrainLines is int most ? train.Take(most) : train],
            shuffled[test..(test + validation)],
            shuffled[..test],
            [$"{validation:N0} lines ({validationShare:P0}) of a shuffle with seed {seed}"],
            [$"{test:N0} lines ({testShare:P0}) of a shuffle with seed {seed}"]);
    }

    /// <summary>Precision, recall and F1 of the spaces, and the share of lines restored exactly.</summary>
    public static SpacingScores Score(IReadOnlyList<TaggedSentence> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"predicted: expected one tag list per line ({gold.Count}), got {predicted.Count}.", nameof(predicted));
        }

        long goldSpaces = 0, predictedSpaces = 0, correct = 0;
        int correctLines = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            bool allRight = true;
            for (int t = 0; t < gold[i].Length - 1; t++)
            {
                bool g = gold[i].Tags[t] == Space, p = predicted[i][t] == Space;
                goldSpaces += g ? 1 : 0;
                predictedSpaces += p ? 1 : 0;
                correct += g && p ? 1 : 0;
                allRight &= g == p;
            }

            correctLines += allRight ? 1 : 0;
        }

        return new SpacingScores(goldSpaces, predictedSpaces, correct, gold.Count, correctLines);
    }
}
