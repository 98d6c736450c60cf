using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Latchkey.Api.Tests.Admin;
using Latchkey.Api.Tests.Infrastructure;
using SkiaSharp;
using Xunit;

namespace Latchkey.Api.Tests.Account;

/// <summary>
/// <c>POST /api/user/avatar</c> and <c>GET /api/avatar/{id}</c>: decoded and re-encoded pictures in three sizes,
/// bad files refused with nothing stored, ETag revalidation, and the initials fallback.
/// </summary>
public sealed class AvatarTests(AccountServer server) : IClassFixture<AccountServer>
{
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string contentType = "image/png", string field = "avatar")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, field, "picture");
        return client.PostAsync("/api/user/avatar", form);
    }

    private async Task<(HttpClient Client, Guid Id)> SignedInAsync()
    {
        var (client, _) = await server.SignedInAsync();
        return (client, await client.MyIdAsync());
    }

    private async Task<int> StoredAvatarsAsync(Guid id) =>
        await server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Avatars, a => a.UserId == id));

    [Fact]
    public async Task An_upload_is_served_in_three_sizes_with_etag_revalidation_and_every_surface_links_it()
    {
        var (client, id) = await SignedInAsync();
        var uploaded = await (await UploadAsync(client, TestImages.Png(300, 200))).OkAsync();
        var url = uploaded.Str("avatarUrl");
        Assert.StartsWith($"http://latchkey.test/api/avatar/{id}?v=", url);

        var anonymous = server.CreateClient();
        var response = await anonymous.GetAsync($"/api/avatar/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        var etag = response.Headers.ETag!;
        var large = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((256, 256, SKEncodedImageFormat.Png), TestImages.Describe(large));
        foreach (var size in new[] { 128, 64 })
            Assert.Equal((size, size, SKEncodedImageFormat.Png), TestImages.Describe(await anonymous.GetByteArrayAsync($"/api/avatar/{id}?size={size}")));

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/avatar/{id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await anonymous.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // The Platform user, the profile and the Nhost-visible account all carry the same link.
        Assert.Equal(url, (await (await client.GetAsync("/api/auth/me")).OkAsync()).GetProperty("user").Str("avatar"));
        Assert.Equal(url, (await (await client.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile").Str("avatar_url"));

        // A new picture is a new ETag and a new link; removing it brings back the fallback.
        var second = await (await UploadAsync(client, TestImages.Webp(), "image/webp")).OkAsync();
        Assert.NotEqual(url, second.Str("avatarUrl"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(Clone(conditional))).StatusCode);
        await (await client.DeleteAsync("/api/user/avatar")).OkAsync();
        Assert.Equal(0, await StoredAvatarsAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/avatar/{id}")).StatusCode);
        await (await client.DeleteAsync("/api/user/avatar")).FailsAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var tag in request.Headers.IfNoneMatch) copy.Headers.IfNoneMatch.Add(tag);
        return copy;
    }

    [Fact]
    public async Task Jpeg_metadata_is_stripped_and_a_gif_keeps_its_first_frame()
    {
        var (client, id) = await SignedInAsync();
        const string marker = "GPSLatitude=51.5074N";
        await (await UploadAsync(client, TestImages.JpegWithExif(marker), "image/jpeg")).OkAsync();
        var served = await server.CreateClient().GetByteArrayAsync($"/api/avatar/{id}");
        Assert.Equal(SKEncodedImageFormat.Png, TestImages.Describe(served).Format);
        Assert.DoesNotContain(marker, Encoding.Latin1.GetString(served));

        await (await UploadAsync(client, TestImages.AnimatedGif(), "image/gif")).OkAsync();
        var gif = await server.CreateClient().GetByteArrayAsync($"/api/avatar/{id}?size=64");
        Assert.Equal((64, 64), (TestImages.Describe(gif).Width, TestImages.Describe(gif).Height));
        var pixel = TestImages.TopLeft(gif);
        Assert.Equal((0, 0, 0, 255), (pixel.Red, pixel.Green, pixel.Blue, pixel.Alpha)); // frame one is black, frame two white
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "text", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "image/svg+xml" },
        { "bmp", TestImages.Bmp(), "image/bmp" },
        { "truncated png", TestImages.Png()[..300], "image/png" },
        { "pixel bomb", TestImages.PngBomb(), "image/png" },
        { "moderate bomb", TestImages.PngBomb(5000), "image/png" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_is_not_an_acceptable_image_is_a_400_and_nothing_is_stored(string what, byte[] file, string contentType)
    {
        var (client, id) = await SignedInAsync();
        var error = await (await UploadAsync(client, file, contentType)).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.True(error.GetProperty("details").TryGetProperty("avatar", out _), what);
        Assert.Equal(0, await StoredAvatarsAsync(id));
        var profile = (await (await client.GetAsync("/api/user/profile")).OkAsync()).GetProperty("profile");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, profile.GetProperty("avatar_url").ValueKind);
    }

    [Fact]
    public async Task An_oversized_file_or_a_missing_one_is_refused()
    {
        var (client, id) = await SignedInAsync();
        var oversized = new byte[AccountServer.AvatarMaxBytes + 1];
        TestImages.Png().CopyTo(oversized, 0);
        await (await UploadAsync(client, oversized)).FailsAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var farTooBig = new byte[AccountServer.AvatarMaxBytes * 2];
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await UploadAsync(client, farTooBig)).StatusCode);
        await (await client.PostJsonAsync("/api/user/avatar", new { avatar = "aGVsbG8=" })).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        await (await client.PostAsync("/api/user/avatar", new MultipartFormDataContent { { new StringContent("x"), "note" } }))
            .FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal(0, await StoredAvatarsAsync(id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(server.CreateClient(), TestImages.Png())).StatusCode);
    }

    [Fact]
    public async Task Without_an_upload_the_fallback_is_initials_on_a_colour_of_the_id()
    {
        var (first, firstId) = await SignedInAsync();
        var (_, secondId) = await SignedInAsync();
        var anonymous = server.CreateClient();
        var one = await anonymous.GetAsync($"/api/avatar/{firstId}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var image = await one.Content.ReadAsByteArrayAsync();
        Assert.Equal((256, 256, SKEncodedImageFormat.Png), TestImages.Describe(image));
        var two = await anonymous.GetByteArrayAsync($"/api/avatar/{secondId}");
        Assert.NotEqual(TestImages.TopLeft(image), TestImages.TopLeft(two)); // same initials (AL), different colour
        Assert.Equal(image, await anonymous.GetByteArrayAsync($"/api/avatar/{firstId}"));

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/avatar/{firstId}");
        conditional.Headers.IfNoneMatch.Add(one.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional)).StatusCode);

        // New initials, new picture.
        await (await first.SendAsync(HttpMethod.Put, "/api/user/profile", body: new { display_name = "Grace Hopper" })).OkAsync();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(Clone(conditional))).StatusCode);

        await (await anonymous.GetAsync($"/api/avatar/{Guid.NewGuid()}")).FailsAsync(HttpStatusCode.NotFound, "not_found");
        await (await anonymous.GetAsync($"/api/avatar/{firstId}?size=100")).FailsAsync(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/avatar/not-a-guid")).StatusCode);
    }
}
