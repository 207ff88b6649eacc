namespace RnnWorkbook.Tests.Data;

/// <summary>A fact that needs the real corpora; it is skipped, saying why, when the mirror folder is absent.</summary>
public sealed class MirrorFactAttribute : FactAttribute
{
    public MirrorFactAttribute()
    {
        if (!Directory.Exists(RepositoryPaths.RealMirror))
            Skip = $"The data mirror {RepositoryPaths.RealMirror} is absent.";
    }
}
