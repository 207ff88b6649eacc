namespace RnnWorkbook.Text.Korean;

/// <summary>
/// What the syllable before a particle must end with. Many particles come in pairs chosen by sound:
/// 이/가, 은/는, 을/를, 과/와, 으로/로.
/// </summary>
public enum ParticleCondition
{
    /// <summary>Attaches to any word: 의, 에, 에서, 도, 만, 까지, ...</summary>
    Any,

    /// <summary>After a final consonant (받침): 이, 은, 을, 과, 이나, 이랑.</summary>
    AfterConsonant,

    /// <summary>After a vowel: 가, 는, 를, 와, 나, 랑.</summary>
    AfterVowel,

    /// <summary>After a final consonant other than ㄹ: 으로, 으로서, 으로써.</summary>
    AfterConsonantExceptRieul,

    /// <summary>After a vowel or a final ㄹ: 로, 로서, 로써 (학교로, 서울로).</summary>
    AfterVowelOrRieul,
}
