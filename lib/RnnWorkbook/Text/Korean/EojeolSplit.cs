namespace RnnWorkbook.Text.Korean;

/// <summary>An eojeol (어절, a space-delimited Korean word) split into its stem and trailing particle.</summary>
/// <param name="Stem">The content part, e.g. "학교" in "학교에서".</param>
/// <param name="Particle">The particle (조사), e.g. "에서"; empty when none was split off.</param>
public readonly record struct EojeolSplit(string Stem, string Particle)
{
    /// <summary>True when a particle was split off.</summary>
    public bool HasParticle => Particle.Length > 0;

    /// <inheritdoc/>
    public override string ToString() => HasParticle ? $"{Stem} + {Particle}" : Stem;
}
