using RnnWorkbook.Data;
using RnnWorkbook.Text;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The names corpus for conditioned generation: every (name, label) pair, split by name with a seeded
/// shuffle so that a name listed as female and as male sits on one side with both labels; and the character
/// table (from the training names; &lt;bos&gt; starts and &lt;eos&gt; ends every name).
/// </summary>
public sealed class NameData
{
    /// <summary>The labels in id order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["female", "male"];

    private NameData(IReadOnlyList<NameExample> train, IReadOnlyList<NameExample> validation, IReadOnlyList<NameExample> test, Vocabulary characters, NamesCorpus corpus)
    {
        (Train, Validation, Test, Characters) = (train, validation, test, characters);
        ListedAs = [new HashSet<string>(corpus.Female, StringComparer.Ordinal), new HashSet<string>(corpus.Male, StringComparer.Ordinal)];
    }

    /// <summary>Training pairs.</summary>
    public IReadOnlyList<NameExample> Train { get; }

    /// <summary>Validation pairs (early stopping).</summary>
    public IReadOnlyList<NameExample> Validation { get; }

    /// <summary>Test pairs.</summary>
    public IReadOnlyList<NameExample> Test { get; }

    /// <summary>The characters of the training names, and the four reserved tokens.</summary>
    public Vocabulary Characters { get; }

    /// <summary>The names of each label's whole list (all three sides), to ask whether a generated name exists.</summary>
    public IReadOnlyList<IReadOnlySet<string>> ListedAs { get; }

    /// <summary>Splits the corpus by name.</summary>
    /// <param name="corpus">The names (<see cref="Nltk.Names"/>).</param>
    /// <param name="seed">Seeds the shuffle of the distinct names.</param>
    /// <param name="validationShare">Share of distinct names for validation.</param>
    /// <param name="testShare">Share of distinct names for test.</param>
    public static NameData Split(NamesCorpus corpus, int seed = Workbook.DefaultSeed, double validationShare = 0.1, double testShare = 0.1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (validationShare <= 0 || testShare <= 0 || validationShare + testShare >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationShare), $"validation ({validationShare}) and test ({testShare}) shares must be positive and sum to less than 1.");
        }

        var labelsOf = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (names, label) in new[] { (corpus.Female, 0), (corpus.Male, 1) })
        {
            foreach (var name in names.Where(n => n.Length > 0))
            {
                if (!labelsOf.TryGetValue(name, out var labels))
                {
                    labelsOf[name] = labels = [];
                }

                if (!labels.Contains(label))
                {
                    labels.Add(label);
                }
            }
        }

        var distinct = labelsOf.Keys.ToArray();
        new Random(seed).Shuffle(distinct);
        int test = (int)Math.Round(testShare * distinct.Length), validation = (int)Math.Round(validationShare * distinct.Length);
        NameExample[] Pairs(IEnumerable<string> names) => [.. names.SelectMany(n => labelsOf[n].Select(l => new NameExample(n, l)))];
        var train = Pairs(distinct.Skip(test + validation));
        var characters = Vocabulary.Build(train.SelectMany(e => e.Name.Select(c => c.ToString())));
        return new NameData(train, Pairs(distinct[test..(test + validation)]), Pairs(distinct[..test]), characters, corpus);
    }

    /// <summary>Input ids [&lt;bos&gt;, c_1 … c_n] and target ids [c_1 … c_n, &lt;eos&gt;] of a name (characters outside the table are &lt;unk&gt;).</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public (int[] Inputs, int[] Targets) Encode(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var ids = name.Select(c => Characters.IdOf(c.ToString())).ToArray();
        return ([Vocabulary.BeginId, .. ids], [.. ids, Vocabulary.EndId]);
    }
}
