using RnnWorkbook.Embeddings;
using RnnWorkbook.Text;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>Trained vectors into TorchSharp's nn.Embedding, frozen and fine-tuned.</summary>
public class PretrainedEmbeddingTests
{
    [Fact]
    public void Rows_are_copied_padding_is_zero_and_freezing_stops_updates()
    {
        var vectors = new WordVectors(["cat", "dog"], [1f, 2f, 3f, 4f, 5f, 6f], 3);
        string[] tokens = [Vocabulary.PadToken, Vocabulary.UnknownToken, "dog", "cat"];
        foreach (bool freeze in new[] { true, false })
        {
            var embedding = PretrainedEmbedding.Create(vectors, tokens, freeze);
            Assert.Equal((2, 2), (embedding.Found, embedding.Missing));
            using var ids = tensor(new long[] { 2, 3, 0 });
            using var rows = embedding.Module.forward(ids);
            Assert.Equal([4f, 5f, 6f, 1f, 2f, 3f, 0f, 0f, 0f], rows.data<float>().ToArray());
            Assert.Equal(!freeze, embedding.Module.weight!.requires_grad);
            Assert.Single(embedding.Module.parameters(), p => p.requires_grad == !freeze);
            if (!freeze)
            {
                using var optimizer = optim.SGD(embedding.Module.parameters(), 0.1);
                using var loss = embedding.Module.forward(ids).sum();
                loss.backward();
                optimizer.step();
                using var after = embedding.Module.forward(ids);
                Assert.Equal(3.9f, after.data<float>()[0], 5);   // 4 − 0.1 · ∂(sum)/∂w = 4 − 0.1
            }
        }
    }
}
