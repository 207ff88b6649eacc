using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// A Roslyn workspace that mirrors a session's cells as a chain of submission projects, each referencing
/// the one before, as Roslyn's interactive window does; the cell being edited is one more submission at the
/// end. Editor services (completion) then see the variables, functions and types of earlier cells. Projects
/// are reused while the session's chain only grows, so earlier cells are compiled once.
/// </summary>
internal sealed class SubmissionWorkspace
{
    private readonly AdhocWorkspace _workspace = new(MefHostServices.DefaultHost);
    private readonly List<(Script Script, ProjectId Project)> _mirrored = [];
    private Solution _solution;

    public SubmissionWorkspace() => _solution = _workspace.CurrentSolution;

    /// <summary>A document holding <paramref name="code"/> as the submission after the session's last cell.</summary>
    public Document Edit(ScriptSession session, string code)
    {
        var chain = new List<Script>();
        for (Script? script = session.Script; script is not null; script = script.Previous)
        {
            chain.Insert(0, script);
        }

        var kept = 0;
        while (kept < Math.Min(chain.Count, _mirrored.Count) && ReferenceEquals(chain[kept], _mirrored[kept].Script))
        {
            kept++;
        }

        foreach (var (_, project) in _mirrored.Skip(kept))
        {
            _solution = _solution.RemoveProject(project);
        }

        _mirrored.RemoveRange(kept, _mirrored.Count - kept);
        foreach (var script in chain.Skip(kept))
        {
            var project = AddSubmission(script.GetCompilation(), script.Code, script.GlobalsType);
            _mirrored.Add((script, project));
        }

        // The edited cell compiles as the next submission would, with the references earlier cells added.
        var last = chain.Count > 0 ? chain[^1] : null;
        var next = last?.ContinueWith("", session.Options) ?? Microsoft.CodeAnalysis.CSharp.Scripting.CSharpScript.Create("", session.Options, typeof(NotebookGlobals));
        var edited = AddSubmission(next.GetCompilation(), code, typeof(NotebookGlobals));
        var document = _solution.GetProject(edited)!.Documents.Single();
        _solution = _solution.RemoveProject(edited);
        return document;
    }

    private ProjectId AddSubmission(Compilation compilation, string code, Type? globalsType)
    {
        var id = ProjectId.CreateNewId();
        var name = $"Submission{_mirrored.Count}";
        var previous = _mirrored.Count > 0 ? [new ProjectReference(_mirrored[^1].Project)] : Array.Empty<ProjectReference>();
        var document = DocumentInfo.Create(
            DocumentId.CreateNewId(id),
            name + ".csx",
            sourceCodeKind: SourceCodeKind.Script,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(code), VersionStamp.Create())));
        var project = ProjectInfo.Create(
            id,
            VersionStamp.Create(),
            name,
            name,
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: compilation.SyntaxTrees.First().Options,
            documents: [document],
            projectReferences: previous,
            metadataReferences: compilation.References,
            isSubmission: true,
            hostObjectType: globalsType);
        _solution = _solution.AddProject(project);
        return id;
    }
}
