using RnnWorkbook.Scratch;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Text from a TorchSharp language model, as <see cref="TextGeneration"/> does for the scratch models: read the
/// prompt, then repeatedly draw the next token with <see cref="TokenSampler"/> and feed it back. The same seed
/// and the same weights give the same text as the scratch twin.
/// </summary>
public static class TorchTextGeneration
{
    /// <summary>Continues <paramref name="prompt"/> by <paramref name="count"/> tokens (evaluation mode, no gradients).</summary>
    /// <param name="model">The model; its state is reset before and after, and it is left in training mode.</param>
    /// <param name="prompt">At least one id.</param>
    /// <param name="count">Tokens to generate.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    /// <param name="topK">Only the k most likely tokens are drawn (default: all).</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="excluded">Ids never generated (e.g. &lt;unk&gt;).</param>
    /// <returns>The generated ids, without the prompt.</returns>
    public static int[] Generate(TorchGatedLm model, IReadOnlyList<int> prompt, int count, double temperature = 1, int topK = int.MaxValue,
        int seed = Workbook.DefaultSeed, IReadOnlySet<int>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        TextGeneration.Validate(prompt, count, temperature, topK);
        bool stateful = model.Stateful;
        model.Stateful = true;
        model.eval();
        model.ResetState();
        try
        {
            using var noGrad = no_grad();
            var random = new Random(seed);
            var output = new int[count];
            var input = new NdArray<int>([.. prompt], 1, prompt.Count);
            for (int n = 0; n < count; n++)
            {
                using var scope = NewDisposeScope();
                using var scores = model.forward(TensorConvert.ToTensor(input));
                using var last = scores[0, -1];
                var values = last.data<float>().ToArray();
                output[n] = TokenSampler.Sample(values, temperature, random, excluded, topK);
                input = new NdArray<int>([output[n]], 1, 1);
            }

            return output;
        }
        finally
        {
            model.ResetState();
            model.Stateful = stateful;
            model.train();
        }
    }
}
