namespace RnnWorkbook.Data;

/// <summary>A Korean news comment of the BEEP! corpus (korean-hate-speech) with its three labels.</summary>
/// <param name="Text">The comment.</param>
/// <param name="ContainsGenderBias">The <c>contain_gender_bias</c> column.</param>
/// <param name="Bias">The <c>bias</c> column: gender, others or none.</param>
/// <param name="Hate">The <c>hate</c> column: hate, offensive or none.</param>
public sealed record HateSpeechComment(string Text, bool ContainsGenderBias, HateSpeechBias Bias, HateSpeechLabel Hate);

/// <summary>The <c>bias</c> label of a comment (편향).</summary>
public enum HateSpeechBias
{
    /// <summary>No social bias.</summary>
    None = 0,

    /// <summary>Bias about gender or sexuality.</summary>
    Gender = 1,

    /// <summary>Bias about another group (age, region, religion, ...).</summary>
    Others = 2,
}

/// <summary>The <c>hate</c> label of a comment (혐오 표현).</summary>
public enum HateSpeechLabel
{
    /// <summary>Neither hateful nor offensive.</summary>
    None = 0,

    /// <summary>Offensive (insulting, sarcastic) but not hate speech.</summary>
    Offensive = 1,

    /// <summary>Hate speech: aggressive towards a group or an individual.</summary>
    Hate = 2,
}
