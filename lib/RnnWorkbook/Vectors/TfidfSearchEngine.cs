namespace RnnWorkbook.Vectors;

/// <summary>
/// A small search engine (검색 엔진): documents and the query become TF-IDF vectors over the same vocabulary,
/// and documents are ranked by their cosine with the query. Rare query terms weigh more than common ones,
/// because idf is larger for them.
/// </summary>
public sealed class TfidfSearchEngine
{
    /// <summary>Indexes <paramref name="documents"/> with a TF-IDF vectorizer fitted on them.</summary>
    public TfidfSearchEngine(IReadOnlyList<string> documents, CountVectorizerOptions? counting = null, TfidfOptions? weighting = null)
    {
        Vectorizer = new TfidfVectorizer(counting, weighting);
        Index = Vectorizer.FitTransform(documents);
    }

    /// <summary>The vectorizer fitted on the documents.</summary>
    public TfidfVectorizer Vectorizer { get; }

    /// <summary>The document vectors, one row each.</summary>
    public CsrMatrix Index { get; }

    /// <summary>The <paramref name="top"/> documents most similar to <paramref name="query"/>; none when no query term is known.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var q = Vectorizer.Transform([query]);
        var queryRow = q.Row(0);
        if (queryRow.Count == 0)
            return [];

        var scores = new List<(int Document, double Score)>();
        for (var d = 0; d < Index.Rows; d++)
        {
            var score = queryRow.Cosine(Index.Row(d));
            if (score > 0)
                scores.Add((d, score));
        }

        return scores.OrderByDescending(s => s.Score).ThenBy(s => s.Document).Take(top)
            .Select(s => new SearchHit(s.Document, s.Score, MatchedTerms(q, s.Document))).ToArray();
    }

    private string[] MatchedTerms(CsrMatrix query, int document)
    {
        var q = query.Row(0);
        var d = Index.Row(document);
        var matched = new List<(int Term, double Contribution)>();
        for (var i = 0; i < q.Count; i++)
        {
            var at = d.Indices.BinarySearch(q.Indices[i]);
            if (at >= 0)
                matched.Add((q.Indices[i], q.Values[i] * d.Values[at]));
        }

        return matched.OrderByDescending(m => m.Contribution).Select(m => Vectorizer.FeatureNames[m.Term]).ToArray();
    }
}
