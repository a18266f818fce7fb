using System.Net.Http.Json;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Worker;

/// <summary>An owner signed in to the running admin, calling its API the way the console does (with the sign-in cookie).</summary>
public sealed class AdminSession(HttpClient client, string cookie)
{
    public static async Task<AdminSession> SignInAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative),
            new { email = "owner@localhost", password = AppHostArguments.OwnerPassword }).Within();
        response.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return new AdminSession(client, cookie);
    }

    public HttpClient Client => client;

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request).Within();
    }

    public async Task<HttpResponseMessage> PutAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request).Within();
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request).Within();
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>().Within())!;
    }

    /// <summary>Opens the business's server-sent event stream.</summary>
    public async Task<Stream> OpenEventsAsync(string businessId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/businesses/{businessId}/events", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        // The server sends its headers with the first event, so this completes once something happens.
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).Within(TimeSpan.FromSeconds(30));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStreamAsync().Within();
    }
}
