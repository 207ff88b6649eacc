using System.Text.Json;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Vectors;

/// <summary>The JSON file a fitted vectorizer is saved to: options, vocabulary, document frequencies and idf.</summary>
internal static class VectorizerFile
{
    private const string Format = "rnnworkbook.vectorizer";
    private const int Version = 1;

    public static void Save(string path, CountVectorizer counts, TfidfVectorizer? tfidf)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!counts.IsFitted)
            throw new InvalidOperationException("The vectorizer is not fitted: there is nothing to save yet.");
        var o = counts.Options;
        if (o.Tokenizer is not null)
            throw new NotSupportedException("A vectorizer with a custom Tokenizer cannot be saved: the function is code, not data. Save the tokenizer's model and set it again after loading.");

        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            json.WriteString("kind", tfidf is null ? "count" : "tfidf");
            json.WriteBoolean("lowercase", o.Lowercase);
            json.WriteString("tokenPattern", o.TokenPattern);
            json.WriteString("analyzer", o.Analyzer.ToString());
            json.WriteNumber("minN", o.MinN);
            json.WriteNumber("maxN", o.MaxN);
            WriteFrequency(json, "minDf", o.MinDf);
            WriteFrequency(json, "maxDf", o.MaxDf);
            if (o.MaxFeatures is { } max)
                json.WriteNumber("maxFeatures", max);
            json.WriteBoolean("binary", o.Binary);
            json.WriteNumber("trainingDocuments", counts.TrainingDocuments);
            json.WriteNumber("termsBeforePruning", counts.TermsBeforePruning);
            if (tfidf is not null)
            {
                json.WriteString("norm", tfidf.Weighting.Norm.ToString());
                json.WriteBoolean("useIdf", tfidf.Weighting.UseIdf);
                json.WriteBoolean("smoothIdf", tfidf.Weighting.SmoothIdf);
                json.WriteBoolean("sublinearTf", tfidf.Weighting.SublinearTf);
            }

            json.WriteStartArray("terms");
            foreach (var term in counts.FeatureNames)
                json.WriteStringValue(term);
            json.WriteEndArray();
            json.WriteStartArray("documentFrequencies");
            foreach (var df in counts.DocumentFrequencies)
                json.WriteNumberValue(df);
            json.WriteEndArray();
            if (tfidf is not null)
            {
                json.WriteStartArray("idf");
                foreach (var idf in tfidf.Idf)
                    json.WriteNumberValue(idf);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }

    public static CountVectorizer LoadCount(string path)
    {
        var (root, document) = Open(path, "count");
        using (document)
            return ReadCounts(root, path);
    }

    public static TfidfVectorizer LoadTfidf(string path)
    {
        var (root, document) = Open(path, "tfidf");
        using (document)
        {
            var counts = ReadCounts(root, path);
            var weighting = new TfidfOptions
            {
                Norm = Enum.Parse<TfidfNorm>(Get(root, "norm", path).GetString()!),
                UseIdf = Get(root, "useIdf", path).GetBoolean(),
                SmoothIdf = Get(root, "smoothIdf", path).GetBoolean(),
                SublinearTf = Get(root, "sublinearTf", path).GetBoolean(),
            };
            var idf = Get(root, "idf", path).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            if (idf.Length != counts.FeatureNames.Count)
                throw new InvalidDataException($"{path}: 'idf' has {idf.Length} values for {counts.FeatureNames.Count} terms.");
            var tfidf = new TfidfVectorizer(counts.Options, weighting);
            tfidf.Counts.Restore(counts.FeatureNames, counts.DocumentFrequencies, counts.TrainingDocuments, counts.TermsBeforePruning);
            tfidf.RestoreIdf(idf);
            return tfidf;
        }
    }

    private static (JsonElement Root, JsonDocument Document) Open(string path, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a saved vectorizer (not JSON: {e.Message}).", e);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
        {
            document.Dispose();
            throw new InvalidDataException($"{path} is not a saved vectorizer (no \"format\": \"{Format}\").");
        }

        var version = Get(root, "version", path).GetInt32();
        var seen = Get(root, "kind", path).GetString();
        if (version != Version || seen != kind)
        {
            document.Dispose();
            throw new InvalidDataException($"{path} holds a {seen} vectorizer of version {version}; expected a {kind} vectorizer of version {Version}.");
        }

        return (root, document);
    }

    private static CountVectorizer ReadCounts(JsonElement root, string path)
    {
        var options = new CountVectorizerOptions
        {
            Lowercase = Get(root, "lowercase", path).GetBoolean(),
            TokenPattern = Get(root, "tokenPattern", path).GetString()!,
            Analyzer = Enum.Parse<TermAnalyzer>(Get(root, "analyzer", path).GetString()!),
            MinN = Get(root, "minN", path).GetInt32(),
            MaxN = Get(root, "maxN", path).GetInt32(),
            MinDf = ReadFrequency(Get(root, "minDf", path)),
            MaxDf = ReadFrequency(Get(root, "maxDf", path)),
            MaxFeatures = root.TryGetProperty("maxFeatures", out var max) ? max.GetInt32() : null,
            Binary = Get(root, "binary", path).GetBoolean(),
        };
        var terms = Get(root, "terms", path).EnumerateArray().Select(e => e.GetString()!).ToArray();
        var df = Get(root, "documentFrequencies", path).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (df.Length != terms.Length || terms.Distinct(StringComparer.Ordinal).Count() != terms.Length)
            throw new InvalidDataException($"{path}: 'terms' must be distinct and match 'documentFrequencies' one to one.");
        var counts = new CountVectorizer(options);
        counts.Restore(terms, df, Get(root, "trainingDocuments", path).GetInt32(), Get(root, "termsBeforePruning", path).GetInt32());
        return counts;
    }

    private static JsonElement Get(JsonElement root, string property, string path) =>
        root.TryGetProperty(property, out var value)
            ? value
            : throw new InvalidDataException($"{path}: the saved vectorizer has no '{property}'.");

    private static void WriteFrequency(Utf8JsonWriter json, string name, DocumentFrequency frequency)
    {
        json.WriteStartObject(name);
        json.WriteNumber("value", frequency.Value);
        json.WriteBoolean("proportion", frequency.IsProportion);
        json.WriteEndObject();
    }

    private static DocumentFrequency ReadFrequency(JsonElement element) =>
        element.GetProperty("proportion").GetBoolean()
            ? DocumentFrequency.Proportion(element.GetProperty("value").GetDouble())
            : DocumentFrequency.Count((int)element.GetProperty("value").GetDouble());
}
