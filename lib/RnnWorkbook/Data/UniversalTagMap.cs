namespace RnnWorkbook.Data;

/// <summary>
/// A map from a treebank's tags to the 12 universal part-of-speech tags of Petrov, Das and McDonald (2012):
/// NOUN, VERB, ADJ, ADV, PRON, DET, ADP, NUM, CONJ, PRT, '.' (punctuation) and X (other). The maps come from
/// <c>nltk/universal_tagset.zip</c>, e.g. <c>universal_tagset/en-brown.map</c> or <c>ko-sejong.map</c>.
/// </summary>
public sealed class UniversalTagMap
{
    /// <summary>The twelve universal tags.</summary>
    public static IReadOnlyList<string> UniversalTags { get; } =
        ["NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "NUM", "CONJ", "PRT", ".", "X"];

    private readonly Dictionary<string, string> _map;

    private UniversalTagMap(string name, Dictionary<string, string> map)
    {
        Name = name;
        _map = map;
    }

    /// <summary>The map's name, e.g. "en-brown".</summary>
    public string Name { get; }

    /// <summary>The treebank tags the map lists, with their universal tags.</summary>
    public IReadOnlyDictionary<string, string> Entries => _map;

    /// <summary>The universal tag of <paramref name="tag"/>; "X" for a tag the map does not list (as NLTK does).</summary>
    public string Map(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return _map.TryGetValue(tag, out var universal) ? universal : "X";
    }

    /// <summary>Reads a map file: one <c>tag&lt;TAB&gt;universal</c> line per tag.</summary>
    /// <param name="name">The map's name, e.g. "en-brown".</param>
    /// <param name="text">The file's text.</param>
    /// <exception cref="InvalidDataException">A line has not two fields, or names a tag outside the twelve.</exception>
    public static UniversalTagMap Parse(string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Trim().Length == 0)
                continue;
            var fields = trimmed.Split('\t');
            if (fields.Length != 2 || fields[0].Length == 0)
                throw new InvalidDataException($"{name}.map line {lineNumber}: expected 'tag<TAB>universal' but found '{trimmed}'.");
            if (!UniversalTags.Contains(fields[1]))
                throw new InvalidDataException($"{name}.map line {lineNumber}: '{fields[1]}' is not one of the universal tags {string.Join(' ', UniversalTags)}.");
            map[fields[0]] = fields[1];
        }

        return new UniversalTagMap(name, map);
    }
}
