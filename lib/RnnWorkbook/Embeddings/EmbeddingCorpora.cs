using RnnWorkbook.Data;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The corpora chapter 4 trains on, as sentences of words. English: the Brown corpus, lowercased, tokens
/// without a letter or digit (punctuation) dropped. Korean: the unlabeled news comments of korean-hate-speech and
/// ChatbotData's questions and answers, split into eojeol (space-separated words) with punctuation trimmed.
/// </summary>
public static class EmbeddingCorpora
{
    /// <summary>Brown's 57,340 sentences, lowercased, punctuation tokens dropped (about 1.0M words).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Brown(DatasetStore? store = null) =>
        [.. Nltk.Brown(store).SelectMany(d => d.Sentences)
            .Select(s => (IReadOnlyList<string>)[.. s.Select(w => w.Word.ToLowerInvariant()).Where(IsWord)])
            .Where(s => s.Count > 0)];

    /// <summary>The 33,893 unlabeled comments and ChatbotData's 11,823 questions and answers, one sentence each, as eojeol.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Korean(DatasetStore? store = null)
    {
        var store_ = store ?? DatasetStore.Default;
        var lines = KoreanHateSpeech.Unlabeled(store_)
            .Concat(ChatbotCsv.Read(store_.Path("chatbot-ko", "ChatbotData.csv")).SelectMany(p => new[] { p.Question, p.Answer }));
        return [.. lines.Select(Eojeol).Where(s => s.Count > 0)];
    }

    /// <summary>Space-separated words with punctuation trimmed from both ends, lowercased; empty pieces dropped.</summary>
    public static IReadOnlyList<string> Eojeol(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return [.. line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(TrimmedCharacters(w)).ToLowerInvariant())
            .Where(IsWord)];
    }

    /// <summary>True when <paramref name="token"/> has at least one letter or digit.</summary>
    public static bool IsWord(string token) => token.Any(char.IsLetterOrDigit);

    private static char[] TrimmedCharacters(string word) => [.. word.Where(c => !char.IsLetterOrDigit(c)).Distinct()];
}
