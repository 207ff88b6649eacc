using System.Diagnostics;
using RnnWorkbook.Text;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>Trains a <see cref="ConditionedNameModel"/>, scores names under it, and samples names for a label.</summary>
public static class NameGeneration
{
    /// <summary>Adam on equal-length batches, validation NLL after each epoch, the best epoch's weights kept.</summary>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or ∞; the message names the epoch and step.</exception>
    public static IReadOnlyList<NameEpoch> Fit(ConditionedNameModel model, NameData data, int maxEpochs, int patience = 2, int batchSize = 32,
        double learningRate = 0.005, double maxGradNorm = 5.0, int seed = Workbook.DefaultSeed, IProgress<NameEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEpochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
        random.manual_seed(seed);
        var order = new Random(seed);
        using var adam = optim.Adam(model.parameters(), lr: learningRate);
        var epochs = new List<NameEpoch>();
        var best = new Dictionary<string, Tensor>();
        int bestEpoch = 0;
        try
        {
            for (int epoch = 1; epoch <= maxEpochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                model.train();
                double lossSum = 0;
                long characters = 0;
                int step = 0;
                foreach (var batch in LengthBatches.Create([.. data.Train.Select(e => e.Name.Length)], batchSize, order))
                {
                    step++;
                    using var scope = NewDisposeScope();
                    var (labels, xs, ts) = Tensors(data, data.Train, batch, e => e.Label);
                    adam.zero_grad();
                    var loss = nn.functional.cross_entropy(model.forward(labels, xs).reshape(-1, model.VocabularySize), ts.reshape(-1));
                    double value = loss.item<float>();
                    if (!double.IsFinite(value))
                    {
                        throw new NotFiniteNumberException($"The loss became {value} in epoch {epoch}, step {step}: lower the learning rate ({learningRate}).", value);
                    }

                    loss.backward();
                    nn.utils.clip_grad_norm_(model.parameters(), maxGradNorm);
                    adam.step();
                    lossSum += value * ts.numel();
                    characters += ts.numel();
                }

                var record = new NameEpoch(epoch, lossSum / characters, Nll(model, data, data.Validation), clock.Elapsed.TotalSeconds);
                epochs.Add(record);
                progress?.Report(record);
                if (bestEpoch == 0 || record.ValidationNll < epochs[bestEpoch - 1].ValidationNll)
                {
                    bestEpoch = epoch;
                    Release(best);
                    using var noGrad = no_grad();
                    foreach (var (name, p) in model.named_parameters())
                    {
                        best[name] = p.detach().clone().DetachFromDisposeScope();
                    }
                }
                else if (epoch - bestEpoch >= patience)
                {
                    break;
                }
            }

            using (no_grad())
            {
                foreach (var (name, p) in model.named_parameters())
                {
                    p.copy_(best[name]);
                }
            }
        }
        finally
        {
            Release(best);
        }

        return epochs;
    }

    /// <summary>
    /// Negative log-likelihood per character (nats; &lt;eos&gt; counts as a character) of the names, each read
    /// under the label <paramref name="labelOf"/> gives it (default: its own; pass a swap to ask how much the label helps).
    /// </summary>
    public static double Nll(ConditionedNameModel model, NameData data, IReadOnlyList<NameExample> examples, Func<NameExample, int>? labelOf = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("examples: there are no names to score.", nameof(examples));
        }

        model.eval();
        using var noGrad = no_grad();
        double sum = 0;
        long characters = 0;
        foreach (var batch in LengthBatches.Create([.. examples.Select(e => e.Name.Length)], 512))
        {
            using var scope = NewDisposeScope();
            var (labels, xs, ts) = Tensors(data, examples, batch, labelOf ?? (e => e.Label));
            var loss = nn.functional.cross_entropy(model.forward(labels, xs).reshape(-1, model.VocabularySize), ts.reshape(-1), reduction: nn.Reduction.Sum);
            sum += loss.item<float>();
            characters += ts.numel();
        }

        return sum / characters;
    }

    /// <summary>
    /// Samples <paramref name="count"/> names for one label: p(c | …) ∝ exp(s_c / τ) at temperature τ (lower τ:
    /// safer, more common names), never &lt;pad&gt;, &lt;unk&gt; or &lt;bos&gt;; a name that has not ended after
    /// <paramref name="maxLength"/> characters is cut there and marked truncated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The label is not one of the model's, τ ≤ 0, or count or maxLength &lt; 1.</exception>
    public static IReadOnlyList<GeneratedName> Sample(ConditionedNameModel model, NameData data, int label, int count, double temperature = 1.0,
        int maxLength = 20, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (label < 0 || label >= model.LabelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"label must be 0 … {model.LabelCount - 1}.");
        }

        if (!(temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var draw = new Random(seed);
        var names = Enumerable.Range(0, count).Select(_ => new System.Text.StringBuilder()).ToArray();
        var ended = new bool[count];
        var h = model.InitialState(full(count, (long)label, dtype: int64));
        var x = full(count, 1, (long)Vocabulary.BeginId, dtype: int64);
        int v = model.VocabularySize;
        for (int t = 0; t <= maxLength && !ended.All(e => e); t++)
        {
            var (scores, state) = model.Step(x, h);
            h = state;
            var probabilities = (scores.reshape(count, v) / temperature).softmax(1).data<float>().ToArray();
            var next = new long[count];
            for (int b = 0; b < count; b++)
            {
                var row = probabilities.AsSpan(b * v, v);
                row[Vocabulary.PadId] = row[Vocabulary.UnknownId] = row[Vocabulary.BeginId] = 0;
                if (t == maxLength)
                {
                    continue;
                }

                int id = Draw(row, draw);
                next[b] = id;
                if (ended[b])
                {
                    continue;
                }

                if (id == Vocabulary.EndId)
                {
                    ended[b] = true;
                }
                else
                {
                    names[b].Append(data.Characters[id]);
                }
            }

            x = tensor(next, [count, 1]);
        }

        return [.. names.Select((n, b) => new GeneratedName(n.ToString(), !ended[b]))];
    }

    private static int Draw(Span<float> weights, Random random)
    {
        double total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        double u = random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return Vocabulary.EndId;
    }

    private static (Tensor Labels, Tensor Inputs, Tensor Targets) Tensors(NameData data, IReadOnlyList<NameExample> examples, int[] batch, Func<NameExample, int> labelOf)
    {
        int time = examples[batch[0]].Name.Length + 1;
        var xs = new long[batch.Length * time];
        var ts = new long[batch.Length * time];
        var labels = new long[batch.Length];
        for (int b = 0; b < batch.Length; b++)
        {
            var (inputs, targets) = data.Encode(examples[batch[b]].Name);
            labels[b] = labelOf(examples[batch[b]]);
            for (int t = 0; t < time; t++)
            {
                (xs[b * time + t], ts[b * time + t]) = (inputs[t], targets[t]);
            }
        }

        return (tensor(labels), tensor(xs, [batch.Length, time]), tensor(ts, [batch.Length, time]));
    }

    private static void Release(Dictionary<string, Tensor> weights)
    {
        foreach (var tensor in weights.Values)
        {
            tensor.Dispose();
        }

        weights.Clear();
    }
}
