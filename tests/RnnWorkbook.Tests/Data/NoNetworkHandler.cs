namespace RnnWorkbook.Tests.Data;

/// <summary>An HTTP handler that fails the test on any request: for stores that must not touch the network.</summary>
internal sealed class NoNetworkHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The test must not use the network, but requested {request.RequestUri}.");
}
