using System.Buffers;
using System.Globalization;
using System.Text;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Removes punctuation and special characters by Unicode category, so it works for every script:
/// letters (L*, which includes Hangul syllables and jamo), combining marks (M*), numbers (N*) and
/// white space are kept; punctuation (P*), symbols (S*, which includes emoji), control and format
/// characters, private-use and unassigned code points and unpaired surrogates are removed.
/// </summary>
/// <remarks>
/// Placeholders written by the cleaners ("&lt;url&gt;", "&lt;email&gt;": '&lt;', ASCII letters or '_', '&gt;')
/// are kept whole unless <c>preservePlaceholders</c> is false. With <c>replaceWithSpace</c> each run of
/// removed characters becomes one space, so "hello,world" gives "hello world" rather than "helloworld".
/// </remarks>
/// <param name="replaceWithSpace">Replaces each removed run by a single space instead of nothing.</param>
/// <param name="keep">Characters to keep even though their category would remove them, such as "'-".</param>
/// <param name="preservePlaceholders">Keeps "&lt;word&gt;" placeholders intact.</param>
public sealed class PunctuationRemovalStep(bool replaceWithSpace = false, string keep = "", bool preservePlaceholders = true)
    : ITextNormalizationStep
{
    private readonly string _keep = keep ?? throw new ArgumentNullException(nameof(keep));

    /// <inheritdoc/>
    public string Name => replaceWithSpace ? "punctuation → space" : "remove punctuation";

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        bool removing = false;
        int i = 0;
        while (i < text.Length)
        {
            int placeholder = preservePlaceholders ? PlaceholderLength(text, i) : 0;
            if (placeholder > 0)
            {
                builder.Append(text, i, placeholder);
                i += placeholder;
                removing = false;
                continue;
            }

            OperationStatus status = Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int length);
            length = Math.Max(1, length);
            bool keepRune = status == OperationStatus.Done
                && (IsKept(rune) || _keep.AsSpan().IndexOf(text.AsSpan(i, length)) >= 0);
            if (keepRune)
            {
                builder.Append(text, i, length);
                removing = false;
            }
            else if (replaceWithSpace && !removing)
            {
                builder.Append(' ');
                removing = true;
            }

            i += length;
        }

        return builder.ToString();
    }

    #region IsKept
    private static bool IsKept(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category <= UnicodeCategory.OtherNumber || Rune.IsWhiteSpace(rune);
    }
    #endregion

    private static int PlaceholderLength(string text, int start)
    {
        if (text[start] != '<')
        {
            return 0;
        }

        int j = start + 1;
        while (j < text.Length && (char.IsAsciiLetter(text[j]) || text[j] == '_'))
        {
            j++;
        }

        return j > start + 1 && j < text.Length && text[j] == '>' ? j + 1 - start : 0;
    }
}
