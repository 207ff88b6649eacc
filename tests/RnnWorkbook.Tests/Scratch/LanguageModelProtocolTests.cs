using RnnWorkbook.Scratch;
using RnnWorkbook.Tests.Data;
using RnnWorkbook.Text.LanguageModels;

namespace RnnWorkbook.Tests.Scratch;

public sealed class LanguageModelProtocolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rnnworkbook-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Held_out_text_scores_every_token_once_whatever_the_block_length()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 7, wordVecSize: 4, hiddenSize: 5);
        new NormalRandom(2).Fill(model.Params[4], 1.0);
        int[] ids = [1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 6];

        // One forward pass over the whole text, from the start id 6, is the reference.
        var xs = new NdArray<int>([6, .. ids[..^1]], 1, ids.Length);
        var ts = new NdArray<int>(ids, 1, ids.Length);
        model.ResetState();
        double whole = model.Forward(xs, ts) * ids.Length;

        foreach (int timeSize in new[] { 1, 3, 4, 11, 50 })
        {
            var (nll, tokens) = HeldOutText.Score(model, ids, start: 6, timeSize);
            Assert.Equal(ids.Length, tokens);
            Assert.Equal(whole, nll, 10);
        }

        Assert.Equal(Math.Exp(whole / ids.Length), HeldOutText.Perplexity(model, ids, 6, timeSize: 4), 10);
    }

    [Fact]
    public void Validation_chooses_the_epoch_stops_after_patience_and_restores_its_weights()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 6, wordVecSize: 4, hiddenSize: 4);
        var trainer = new Trainer<float>(model, new Adam<float>(0.01));
        var batches = new TbpttBatcher([.. Enumerable.Range(0, 200).Select(i => i % 6)], batchSize: 2, timeSize: 5);
        double[] scripted = [9, 7, 8, 6.5, 6.9, 7.5, 5];
        var snapshots = new List<float[][]>();
        double Validation()
        {
            snapshots.Add([.. model.Params.Select(p => (float[])p.Data.Clone())]);
            return scripted[snapshots.Count - 1];
        }

        var history = ValidatedTraining.Fit(model, trainer, batches, Validation, maxEpochs: 7, patience: 2);

        // 9, 7 (best), 8, 6.5 (best), 6.9, 7.5: two epochs without improvement after epoch 4, so epoch 7 never runs.
        Assert.Equal([9, 7, 8, 6.5, 6.9, 7.5], history.ValidationPerplexity);
        Assert.Equal(4, history.BestEpoch);
        Assert.Equal(6.5, history.BestValidationPerplexity);
        Assert.Equal(6 * batches.BatchesPerEpoch, history.Points[^1].Step);
        Assert.Equal(6, history.Points.Count(p => p.HeldOutPerplexity is not null));
        for (int i = 0; i < model.Params.Count; i++)
        {
            Assert.Equal(snapshots[3][i], model.Params[i].Data);
            Assert.NotEqual(snapshots[5][i], model.Params[i].Data);
        }
    }

    [Fact]
    public void The_WikiText_run_splits_by_article_chooses_on_validation_and_tests_once()
    {
        var text = new List<string> { " " };
        for (int a = 0; a < 20; a++)
        {
            text.AddRange([$" = Article {a} = ", " ", " the cat sat on the mat . ", " the dog sat on the log . ", " "]);
        }

        string valid = Write("valid.txt", string.Join("\n", text) + "\n");
        string test = Write("test.txt", " = Test = \n \n the cat sat on the log . \n the zebra sat . \n");

        var data = WikiTextLmData.Read(valid, test, vocabularySize: 50, validationShare: 0.2);
        var result = WikiTextRnnLm.Run(data, maxEpochs: 4, batchSize: 2, timeSize: 5, hiddenSize: 16, learningRate: 0.05);

        Assert.Equal(0, data.Vocabulary.IdOf("<unk>"));
        Assert.Equal(data.Vocabulary.IdOf("<eos>"), data.EndOfLine);
        Assert.Equal(20, data.Split.Training.Count + data.Split.Validation.Count);
        Assert.Equal(23 * 20, data.TrainingIds.Length + data.ValidationIds.Length); // 18 tokens and 5 line ends an article
        // test.txt: 14 words + 4 line ends; "Test" and "zebra" are unknown.
        Assert.Equal(18, data.TestIds.Length);
        Assert.Equal(2 / 18.0, data.TestUnknownShare, 12);
        Assert.Equal(result.History.ValidationPerplexity.Min(), result.History.BestValidationPerplexity);
        Assert.InRange(result.History.BestValidationPerplexity, 1, 3); // a repeated text becomes predictable
        Assert.Equal(HeldOutText.Perplexity(result.Model, data.TestIds, data.EndOfLine), result.TestPerplexity, tolerance: 1e-4);

        // The n-gram baseline on the same ids.
        var trigram = new KneserNeyTrigram(data.TrainingSentences, data.Vocabulary.Count, data.EndOfLine, [0.5, 0.5, 0.5]);
        var (_, tokens) = trigram.Score(data.TestSentences);
        Assert.Equal(data.TestIds.Length, tokens);
    }

    [MirrorFact]
    public void The_real_data_has_the_documented_sizes()
    {
        string folder = Path.Combine(RepositoryPaths.RealMirror, "wikitext-2");
        var data = WikiTextLmData.Read(Path.Combine(folder, "valid.txt"), Path.Combine(folder, "test.txt"));

        Assert.Equal(10_000, data.Vocabulary.Count);
        Assert.Equal(245_569, data.TestIds.Length);
        Assert.Equal(217_645, data.TrainingIds.Length + data.ValidationIds.Length);
        Assert.InRange(data.ValidationIds.Length, 0.1 * 217_645 - 1, 0.2 * 217_645);
        Assert.True(data.TestUnknownShare > data.TestUnknownInWikiText);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
