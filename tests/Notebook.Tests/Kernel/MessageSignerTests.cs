using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

public class MessageSignerTests
{
    private static readonly byte[][] s_frames = [.. new[] { "{\"msg_id\":\"1\"}", "{}", "{}", "{\"code\":\"1\"}" }.Select(Encoding.UTF8.GetBytes)];

    [Fact]
    public void The_signature_is_hmac_sha256_hex_over_the_four_frames_as_python_computes_it()
    {
        // hmac.new(b"secret", b'{"msg_id":"1"}' b'{}' b'{}' b'{"code":"1"}', hashlib.sha256).hexdigest()
        Assert.Equal("260b97890d61eb0e6ad1283eaca56d59541c56327271b249b87dde0226568bfb", new MessageSigner("secret").Sign(s_frames));
    }

    [Fact]
    public void Verification_accepts_the_right_signature_only()
    {
        var signer = new MessageSigner("secret");
        var good = Encoding.ASCII.GetBytes(signer.Sign(s_frames));
        var tampered = (byte[][])s_frames.Clone();
        tampered[3] = Encoding.UTF8.GetBytes("{\"code\":\"2\"}");

        Assert.True(signer.Verify(good, s_frames));
        Assert.False(signer.Verify(good, tampered));
        Assert.False(signer.Verify(Encoding.ASCII.GetBytes(new MessageSigner("other").Sign(s_frames)), s_frames));
        Assert.False(signer.Verify([], s_frames));
        Assert.False(signer.Verify(good[..^1], s_frames));
    }

    [Fact]
    public void An_empty_key_means_no_signing()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.Signs);
        Assert.Equal("", signer.Sign(s_frames));
        Assert.True(signer.Verify([], s_frames));
    }

    [Fact]
    public void An_unsupported_scheme_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new MessageSigner("k", "hmac-md5"));
        Assert.Contains("hmac-md5", error.Message);
        Assert.Equal("scheme", error.ParamName);
    }

    [Fact]
    public void Messages_round_trip_through_the_wire_form_with_identities_and_buffers()
    {
        var signer = new MessageSigner("k");
        var request = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1 + 1" }, "client");
        var reply = JupyterMessage.Create("execute_reply", new JsonObject { ["status"] = "ok" }, "kernel", request, [[1, 2, 3]]);

        var frames = reply.Encode(signer);
        var decoded = JupyterMessage.Decode([.. frames, [9, 9]], signer);

        Assert.Equal([1, 2, 3], decoded.Identities.Single());
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData("k"u8, frames.Skip(3).Take(4).SelectMany(f => f).ToArray())), Encoding.ASCII.GetString(frames[2]));
        Assert.Equal("execute_reply", decoded.Type);
        Assert.Equal(request.Id, decoded.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("5.3", decoded.Header["version"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", decoded.Header["date"]!.GetValue<string>());
        Assert.Equal([9, 9], decoded.Buffers.Single());
    }

    [Fact]
    public void A_tampered_message_fails_to_decode_with_the_reason()
    {
        var signer = new MessageSigner("k");
        var frames = JupyterMessage.Create("kernel_info_request", [], "client").Encode(signer).ToArray();
        frames[5] = Encoding.UTF8.GetBytes("{\"x\":1}");

        Assert.Contains("signature is wrong", Assert.Throws<InvalidDataException>(() => JupyterMessage.Decode(frames, signer)).Message);
        Assert.Contains("no <IDS|MSG>", Assert.Throws<InvalidDataException>(() => JupyterMessage.Decode(frames[2..], signer)).Message);
    }
}
