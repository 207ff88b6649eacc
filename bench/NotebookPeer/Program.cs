// cell: packages (the notebook loads them with #r; the console app references them in its project)
using TorchSharp;
using static TorchSharp.torch;

// cell: a small least-squares fit with TorchSharp, as chapter 00 does
torch.manual_seed(42);
var inputs = torch.randn(256, 8);
var trueWeights = torch.arange(8, dtype: ScalarType.Float32).reshape(8, 1);
var targets = inputs.matmul(trueWeights);
var weights = new TorchSharp.Modules.Parameter(torch.zeros(8, 1));
var optimizer = torch.optim.SGD([weights], 0.1);
for (var step = 0; step < 200; step++)
{
    optimizer.zero_grad();
    var loss = torch.nn.functional.mse_loss(inputs.matmul(weights), targets);
    loss.backward();
    optimizer.step();
}

Console.WriteLine($"fitted weights: {string.Join(", ", weights.detach().data<float>().ToArray().Select(w => w.ToString("0.00")))}");

// cell: word statistics of a text
var text = string.Concat(Enumerable.Repeat("the cat sat on the mat and the dog sat on the log ", 2000));
var counts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
Console.WriteLine($"{counts.Count} distinct words, most frequent: {counts.MaxBy(p => p.Value).Key}");

// cell: a chart
var chart = Plotly.NET.CSharp.Chart.Column<int, string, string>(values: counts.Values.ToArray(), Keys: counts.Keys.ToArray());
Console.WriteLine(Plotly.NET.GenericChart.toFigureJson(chart).Length > 0 ? "chart ready" : "no chart");
