namespace RnnWorkbook.Sequences;

/// <summary>One example of a synthetic sequence-to-sequence task: "3141" → "1413", or "57+5" → "62".</summary>
/// <param name="Question">The source text.</param>
/// <param name="Answer">The target text (without the start token).</param>
public sealed record Seq2SeqExample(string Question, string Answer);

/// <summary>
/// The synthetic tasks the encoder–decoder is first tried on, small enough to check by eye: reversing a digit
/// string, and the book's addition ("57+5" → "62"). Both are written as characters padded with spaces to a
/// fixed width, the answer after the start token '_', as in "Deep Learning from Scratch 2" ch. 7.
/// </summary>
public static class Seq2SeqDigits
{
    /// <summary>The start token of every answer.</summary>
    public const char Start = '_';

    /// <summary>The padding character.</summary>
    public const char Pad = ' ';

    /// <summary>The characters both tasks use: space, '_', '+', the ten digits (ids 0 … 12 in this order).</summary>
    public static Seq2SeqVocabulary Vocabulary { get; } = new([.. " _+0123456789".Select(c => c.ToString())]);

    /// <summary><paramref name="count"/> distinct random digit strings of 1 … <paramref name="maxLength"/> digits with their reversals.</summary>
    public static IReadOnlyList<Seq2SeqExample> Reversal(int count, int maxLength, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        return Distinct(count, seed, random =>
        {
            int length = random.Next(1, maxLength + 1);
            var digits = new string([.. Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))]);
            return new Seq2SeqExample(digits, new string([.. digits.Reverse()]));
        }, capacity: Enumerable.Range(1, maxLength).Sum(l => Math.Pow(10, l)));
    }

    /// <summary><paramref name="count"/> distinct sums "a+b" of numbers below 10^<paramref name="maxDigits"/>, with their results.</summary>
    public static IReadOnlyList<Seq2SeqExample> Addition(int count, int maxDigits, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDigits);
        int limit = (int)Math.Pow(10, maxDigits);
        return Distinct(count, seed, random =>
        {
            var (a, b) = (random.Next(limit), random.Next(limit));
            return new Seq2SeqExample($"{a}+{b}", (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, capacity: (double)limit * limit);
    }

    /// <summary>Source ids (N, <paramref name="width"/>): each question's characters, padded with spaces.</summary>
    public static Scratch.NdArray<int> Questions(IReadOnlyList<Seq2SeqExample> examples, int width) =>
        Vocabulary.Encode([.. examples.Select(e => Characters(e.Question))], width, Pad.ToString());

    /// <summary>Target ids (N, 1 + <paramref name="width"/>): '_', then each answer's characters, padded with spaces.</summary>
    public static Scratch.NdArray<int> Answers(IReadOnlyList<Seq2SeqExample> examples, int width) =>
        Vocabulary.Encode([.. examples.Select(e => (IReadOnlyList<string>)[Start.ToString(), .. Characters(e.Answer)])], width + 1, Pad.ToString());

    /// <summary>Row <paramref name="row"/> of an id matrix as text, trailing padding removed.</summary>
    public static string Text(Scratch.NdArray<int> ids, int row) =>
        string.Concat(Enumerable.Range(0, ids.Dim(1)).Select(t => Vocabulary.Token(ids[row, t]))).TrimEnd(Pad);

    private static IReadOnlyList<string> Characters(string text) => [.. text.Select(c => c.ToString())];

    private static IReadOnlyList<Seq2SeqExample> Distinct(int count, int seed, Func<Random, Seq2SeqExample> draw, double capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (count > capacity / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} distinct examples asked of a task with only {capacity:N0} possible ones; ask for at most half.");
        }

        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Seq2SeqExample>(count);
        while (result.Count < count)
        {
            var example = draw(random);
            if (seen.Add(example.Question))
            {
                result.Add(example);
            }
        }

        return result;
    }
}
