using System.Text;

namespace Latchkey.Api.Tests.Robustness.Fuzz;

/// <summary>One generated request. <see cref="ToString"/> is what a failure report prints (bodies cut short).</summary>
public sealed record FuzzCase(ApiOperation Operation, string Method, string Path, string? ContentType, byte[]? Body, (string Name, string Value)? Header)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        if (Header is var (name, value)) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Method} {(Path.Length > 300 ? Path[..300] + $"...({Path.Length} chars)" : Path)} [{Operation}] {ContentType} {(Header is var (n, v) ? $"{n}: {v[..Math.Min(v.Length, 80)]} " : "")}{body}";
    }
}
