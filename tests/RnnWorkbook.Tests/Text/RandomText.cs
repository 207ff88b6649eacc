using System.Text;

namespace RnnWorkbook.Tests.Text;

/// <summary>
/// Seeded random strings for property tests, drawn from pieces that stress tokenizers: ASCII words
/// and punctuation, every kind of white space, apostrophes and contractions, digits, Korean syllables
/// and jamo, combining marks, emoji with skin tones and zero-width joiners, supplementary letters,
/// case-folding oddities (ſ, K), control characters, special-token look-alikes and, when allowed,
/// unpaired surrogates.
/// </summary>
internal sealed class RandomText(int seed)
{
    private static readonly string[] _pieces =
    [
        "a", "b", "z", "Q", "the", "Hello", "don't", "I'm", "'s", "'LL", "'ve", "'", "’", "\"", ".", ",", "!", "?", "...", "--", "-",
        "(", ")", "$", "%", "#", "@", "<", ">", "|", "_", "/", "\\", "+", "=", "0", "7", "42", "1234567", "3.14", "1,000",
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u00A0", "\u3000", "\u2028", "\u0085", "\v", "\f",
        "한", "국어", "학교에서", "먹었다", "ㅋㅋ", "\u1112\u1161\u11AB", "é", "e\u0301", "ß", "ſ", "\u212A", "İ",
        "👍", "👍🏽", "👩‍💻", "🇰🇷", "𝐀", "中文", "日本", "العربية", "Ωμέγα",
        "\u0000", "\u0001", "\u001F", "\u007F", "\u200B", "\u200D", "\uFEFF", "\uFFFD",
        "<|endoftext|>", "<|fim_prefix|>", "<|endoftext", "|>", "<url>", "<unk>", "@-@", "U.S.", "Mr.", "e.g.",
    ];

    private static readonly string[] _surrogates = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];

    private readonly Random _random = new(seed);

    /// <summary>A string of up to <paramref name="maxPieces"/> pieces; unpaired surrogates only when allowed.</summary>
    public string Next(int maxPieces = 24, bool allowUnpairedSurrogates = false)
    {
        var builder = new StringBuilder();
        int count = _random.Next(maxPieces + 1);
        for (int i = 0; i < count; i++)
        {
            if (allowUnpairedSurrogates && _random.Next(20) == 0)
            {
                builder.Append(_surrogates[_random.Next(_surrogates.Length)]);
            }
            else if (_random.Next(10) == 0)
            {
                builder.Append((char)_random.Next(0x20, 0xD800));
            }
            else
            {
                builder.Append(_pieces[_random.Next(_pieces.Length)]);
            }
        }

        return builder.ToString();
    }
}
