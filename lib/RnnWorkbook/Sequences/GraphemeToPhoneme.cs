using System.Diagnostics;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>Sizes and settings of a <see cref="GraphemeToPhoneme"/> model.</summary>
/// <param name="UseAttention">Additive attention over the letters (false: the plain encoder–decoder).</param>
/// <param name="EmbeddingSize">E.</param>
/// <param name="EncoderSize">H_e per direction (decoder H_d = 2 H_e).</param>
/// <param name="AttentionSize">A.</param>
/// <param name="Dropout">Dropout rate.</param>
/// <param name="MaxLength">The length limit of decoding: phonemes written before giving up on the end token.</param>
/// <param name="Seed">Seed of the weights, the batches and dropout.</param>
public sealed record GraphemeToPhonemeOptions(bool UseAttention = true, int EmbeddingSize = 64, int EncoderSize = 128, int AttentionSize = 128,
    double Dropout = 0.1, int MaxLength = 30, int Seed = Workbook.DefaultSeed);

/// <summary>One epoch of <see cref="GraphemeToPhoneme.Fit"/>: training loss, validation scores (greedy), wall time.</summary>
public sealed record GraphemeEpoch(int Epoch, double TrainLoss, double ValidationWer, double ValidationPer, double Seconds);

/// <summary>
/// Grapheme-to-phoneme conversion: spelling in, ARPAbet phonemes out, with an <see cref="AttentionSeq2Seq"/> model,
/// its letter and phoneme vocabularies, training with early stopping on validation, greedy and beam decoding.
/// </summary>
public sealed class GraphemeToPhoneme : IDisposable
{
    /// <summary>Padding (id 0 on both sides).</summary>
    public const string PadToken = "<pad>";

    /// <summary>The decoder's first input.</summary>
    public const string StartToken = "<s>";

    /// <summary>The token that ends a pronunciation.</summary>
    public const string EndToken = "</s>";

    private readonly int _startId, _endId;

    /// <summary>A new, untrained model whose phoneme inventory is that of <paramref name="train"/>.</summary>
    public GraphemeToPhoneme(IReadOnlyList<GraphemeWord> train, GraphemeToPhonemeOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Count == 0)
        {
            throw new ArgumentException("train: no words to learn from.", nameof(train));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLength, 1, nameof(options));
        Options = options;
        Letters = new Seq2SeqVocabulary([PadToken, .. CmuDictSplit.Alphabet.Select(c => c.ToString())]);
        var phonemes = train.SelectMany(w => w.Pronunciations).SelectMany(p => p).Distinct().Order(StringComparer.Ordinal);
        Phonemes = new Seq2SeqVocabulary([PadToken, StartToken, EndToken, .. phonemes]);
        (_startId, _endId) = (Phonemes.Id(StartToken), Phonemes.Id(EndToken));
        Model = new AttentionSeq2Seq(Letters.Count, Phonemes.Count, options.EmbeddingSize, options.EncoderSize, options.AttentionSize,
            options.UseAttention, options.Dropout, options.Seed);
    }

    /// <summary>The settings.</summary>
    public GraphemeToPhonemeOptions Options { get; }

    /// <summary>Letter ids: padding, A–Z, apostrophe.</summary>
    public Seq2SeqVocabulary Letters { get; }

    /// <summary>Phoneme ids: padding, start, end, then the phonemes of the training words in ordinal order.</summary>
    public Seq2SeqVocabulary Phonemes { get; }

    /// <summary>The network.</summary>
    public AttentionSeq2Seq Model { get; }

    /// <summary>
    /// Trains with Adam (clipping by global norm) on every (word, pronunciation) pair of <paramref name="train"/>,
    /// batches of similar length; after each epoch measures greedy WER and PER on <paramref name="validation"/>, keeps the
    /// weights of the best validation WER, stops after <paramref name="patience"/> epochs without improvement, and
    /// restores the best weights. With <paramref name="timeLimit"/>, no new epoch starts once that much time has passed.
    /// </summary>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or ∞; the message names the epoch and step.</exception>
    public IReadOnlyList<GraphemeEpoch> Fit(IReadOnlyList<GraphemeWord> train, IReadOnlyList<GraphemeWord> validation, int epochs,
        int batchSize = 64, double learningRate = 0.002, int patience = 3, double maxGradNorm = 1.0, IProgress<GraphemeEpoch>? progress = null,
        TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
        var pairs = train.SelectMany(w => w.Pronunciations.Select(p => (w.Word, Phonemes: p))).ToArray();
        var shuffle = new Random(Options.Seed);
        random.manual_seed(Options.Seed);
        using var adam = optim.Adam(Model.parameters(), lr: learningRate);
        var history = new List<GraphemeEpoch>();
        Tensor[]? best = null;
        double bestWer = double.PositiveInfinity;
        int sinceBest = 0;
        var total = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= epochs && sinceBest < patience && !(total.Elapsed > timeLimit); epoch++)
        {
            var clock = Stopwatch.StartNew();
            Model.train();
            double sum = 0;
            int steps = 0;
            foreach (var batch in Batches(pairs, batchSize, shuffle))
            {
                using var scope = NewDisposeScope();
                var (source, lengths) = EncodeWords([.. batch.Select(p => p.Word)]);
                var (inputs, targets) = EncodeTargets([.. batch.Select(p => p.Phonemes)]);
                adam.zero_grad();
                var logProbabilities = Model.Forward(source, lengths, inputs);
                // log_softmax of log-probabilities changes nothing, so cross_entropy on them is the negative log-likelihood.
                var loss = nn.functional.cross_entropy(logProbabilities.reshape(-1, Phonemes.Count), targets.reshape(-1), ignore_index: 0);
                double value = loss.item<float>();
                if (!double.IsFinite(value))
                {
                    throw new NotFiniteNumberException($"The loss became {value} at epoch {epoch}, step {steps + 1}: lower the learning rate ({learningRate}).", value);
                }

                loss.backward();
                nn.utils.clip_grad_norm_(Model.parameters(), maxGradNorm);
                adam.step();
                sum += value;
                steps++;
            }

            var scores = Evaluate(validation);
            var row = new GraphemeEpoch(epoch, sum / steps, scores.WordErrorRate, scores.PhonemeErrorRate, clock.Elapsed.TotalSeconds);
            history.Add(row);
            progress?.Report(row);
            if (scores.WordErrorRate < bestWer)
            {
                foreach (var t in best ?? [])
                {
                    t.Dispose();
                }

                (bestWer, sinceBest) = (scores.WordErrorRate, 0);
                best = [.. Model.parameters().Select(p => p.detach().clone())];
            }
            else
            {
                sinceBest++;
            }
        }

        using (no_grad())
        {
            foreach (var (parameter, kept) in Model.parameters().Zip(best!))
            {
                parameter.copy_(kept);
                kept.Dispose();
            }
        }

        return history;
    }

    /// <summary>WER and PER of the model's outputs on <paramref name="words"/>: greedy when <paramref name="beamWidth"/> is 1 (batched), else beam search word by word.</summary>
    public GraphemeScores Evaluate(IReadOnlyList<GraphemeWord> words, int beamWidth = 1)
    {
        ArgumentNullException.ThrowIfNull(words);
        var outputs = beamWidth == 1
            ? Greedy([.. words.Select(w => w.Word)])
            : [.. words.Select(w => Beam(w.Word, beamWidth)[0]).Select(h => (h.Tokens.Select(Phonemes.Token).ToArray(), h.Finished))];
        return GraphemeScores.Score(words, [.. outputs.Select(o => (IReadOnlyList<string>)o.Phonemes)], outputs.Count(o => !o.Finished));
    }

    /// <summary>The pronunciation of one word (letters A–Z and apostrophe, any case), greedy or by beam search.</summary>
    /// <exception cref="ArgumentException">The word is empty or has a character outside the alphabet.</exception>
    /// <exception cref="ArgumentOutOfRangeException">beamWidth &lt; 1.</exception>
    public IReadOnlyList<string> Pronounce(string word, int beamWidth = 1)
    {
        var best = Beam(word, beamWidth)[0];
        return [.. best.Tokens.Select(Phonemes.Token)];
    }

    /// <summary>Beam search for one word: every hypothesis kept at the end, best first (phoneme ids, without start and end).</summary>
    /// <exception cref="ArgumentException">The word is empty or has a character outside the alphabet.</exception>
    /// <exception cref="ArgumentOutOfRangeException">beamWidth &lt; 1.</exception>
    public IReadOnlyList<BeamHypothesis> Beam(string word, int beamWidth)
    {
        if (beamWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beamWidth), beamWidth, "beamWidth: the beam must keep at least one hypothesis (1 is greedy decoding).");
        }

        string upper = CmuDictSplit.Normalize(word);
        Model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (source, lengths) = EncodeWords([upper]);
        var encoding = Model.Encode(source, lengths);
        return BeamSearch.Search(
            (encoding.H, encoding.C), _startId, _endId, beamWidth, Options.MaxLength,
            (state, last) =>
            {
                long rows = last.Length;
                var expanded = Expand(encoding, rows);
                var (logProbabilities, h, c, _) = Model.Step(expanded, state.Item1, state.Item2, tensor(last.Select(i => (long)i).ToArray()));
                var values = logProbabilities.data<float>().ToArray();
                int v = Phonemes.Count;
                float[][] perRow = [.. Enumerable.Range(0, (int)rows).Select(r => values[(r * v)..((r + 1) * v)])];
                return (perRow, (h, c));
            },
            (state, rows) =>
            {
                var index = tensor(rows.Select(r => (long)r).ToArray());
                return (state.Item1.index_select(0, index), state.Item2.index_select(0, index));
            });
    }

    /// <summary>The greedy pronunciation of one word and the attention weights of each step: rows = phonemes written (end token last when reached), columns = letters.</summary>
    /// <exception cref="InvalidOperationException">The model has no attention.</exception>
    public (IReadOnlyList<string> Phonemes, double[,] Weights) Attention(string word)
    {
        if (!Options.UseAttention)
        {
            throw new InvalidOperationException("Attention: this model has no attention (UseAttention = false).");
        }

        string upper = CmuDictSplit.Normalize(word);
        Model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (source, lengths) = EncodeWords([upper]);
        var encoding = Model.Encode(source, lengths);
        var (h, c, previous) = (encoding.H, encoding.C, tensor(new long[] { _startId }));
        var written = new List<string>();
        var rows = new List<float[]>();
        for (int t = 0; t < Options.MaxLength; t++)
        {
            var (logProbabilities, hNext, cNext, alpha) = Model.Step(encoding, h, c, previous);
            int id = (int)logProbabilities.argmax(1).item<long>();
            rows.Add(alpha!.data<float>().ToArray());
            written.Add(Phonemes.Token(id));
            (h, c, previous) = (hNext, cNext, tensor(new long[] { id }));
            if (id == _endId)
            {
                break;
            }
        }

        var weights = new double[rows.Count, upper.Length];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < upper.Length; j++)
            {
                weights[i, j] = rows[i][j];
            }
        }

        return (written, weights);
    }

    /// <summary>Greedy decoding of many words in batches: each word's phonemes and whether it ended before the length limit.</summary>
    public IReadOnlyList<(string[] Phonemes, bool Finished)> Greedy(IReadOnlyList<string> words, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(words);
        var normalized = words.Select(CmuDictSplit.Normalize).ToArray();
        Model.eval();
        using var noGrad = no_grad();
        var result = new List<(string[], bool)>(words.Count);
        for (int start = 0; start < normalized.Length; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var chunk = normalized[start..Math.Min(normalized.Length, start + batchSize)];
            var (source, lengths) = EncodeWords(chunk);
            var encoding = Model.Encode(source, lengths);
            var (h, c) = (encoding.H, encoding.C);
            var previous = full(chunk.Length, _startId, dtype: ScalarType.Int64);
            var written = new List<int>[chunk.Length];
            var finished = new bool[chunk.Length];
            for (int i = 0; i < chunk.Length; i++)
            {
                written[i] = [];
            }

            for (int t = 0; t < Options.MaxLength && finished.Contains(false); t++)
            {
                var (logProbabilities, hNext, cNext, _) = Model.Step(encoding, h, c, previous);
                previous = logProbabilities.argmax(1);
                var ids = previous.data<long>().ToArray();
                for (int i = 0; i < chunk.Length; i++)
                {
                    if (finished[i])
                    {
                        continue;
                    }

                    if (ids[i] == _endId)
                    {
                        finished[i] = true;
                    }
                    else
                    {
                        written[i].Add((int)ids[i]);
                    }
                }

                (h, c) = (hNext, cNext);
            }

            for (int i = 0; i < chunk.Length; i++)
            {
                result.Add(([.. written[i].Select(Phonemes.Token)], finished[i]));
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();

    private (Tensor Source, Tensor Lengths) EncodeWords(IReadOnlyList<string> words)
    {
        int width = words.Max(w => w.Length);
        var ids = Letters.Encode([.. words.Select(w => (IReadOnlyList<string>)[.. w.Select(c => c.ToString())])], width, PadToken);
        return (Torch.TensorConvert.ToTensor(ids), tensor(words.Select(w => (long)w.Length).ToArray()));
    }

    // Decoder inputs <s> p_1 … p_n and targets p_1 … p_n </s>, right-padded with 0.
    private (Tensor Inputs, Tensor Targets) EncodeTargets(IReadOnlyList<IReadOnlyList<string>> pronunciations)
    {
        int width = pronunciations.Max(p => p.Count) + 1;
        var inputs = Phonemes.Encode([.. pronunciations.Select(p => (IReadOnlyList<string>)[StartToken, .. p])], width, PadToken);
        var targets = Phonemes.Encode([.. pronunciations.Select(p => (IReadOnlyList<string>)[.. p, EndToken])], width, PadToken);
        return (Torch.TensorConvert.ToTensor(inputs), Torch.TensorConvert.ToTensor(targets));
    }

    private static AttentionEncoding Expand(AttentionEncoding e, long rows) => new(
        e.Memory.expand(rows, -1, -1), e.Keys.expand(rows, -1, -1), e.Padding.expand(rows, -1), e.H, e.C);

    // Shuffled pairs, cut into chunks of 50 batches sorted by word length (little padding), the batches shuffled.
    private static IEnumerable<(string Word, IReadOnlyList<string> Phonemes)[]> Batches(
        (string Word, IReadOnlyList<string> Phonemes)[] pairs, int batchSize, Random shuffle)
    {
        var order = pairs.ToArray();
        shuffle.Shuffle(order);
        var batches = new List<(string, IReadOnlyList<string>)[]>();
        int chunk = batchSize * 50;
        for (int start = 0; start < order.Length; start += chunk)
        {
            var sorted = order[start..Math.Min(order.Length, start + chunk)].OrderBy(p => p.Item1.Length).ToArray();
            for (int b = 0; b < sorted.Length; b += batchSize)
            {
                batches.Add(sorted[b..Math.Min(sorted.Length, b + batchSize)]);
            }
        }

        shuffle.Shuffle(CollectionsMarshalSpan(batches));
        return batches;
    }

    private static Span<T> CollectionsMarshalSpan<T>(List<T> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
}
