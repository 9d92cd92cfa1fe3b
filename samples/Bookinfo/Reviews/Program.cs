// Bookinfo reviews: GET /reviews/{productId} -> the reviews of the product, with stars from http://ratings through the mesh.
using System.Net.Http.Json;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"))
    .AddAspNetCore()
    .AddHealthProbes()
    .AddGracefulDrain()
    .AddPrometheus();
builder.Services.AddHttpClient("ratings", client => client.BaseAddress = new Uri("http://ratings")).AddMeshHandler();

var app = builder.Build();
app.MapMeshEndpoints();
app.MapMeshHealth();
app.MapMeshMetrics();
app.MapGet("/reviews/{productId:int}", async (int productId, HttpContext context, IHttpClientFactory clients, ILogger<Program> logger) =>
{
    ProductRatings? ratings = null;
    try
    {
        // A budget for the call to ratings, from TimeProvider (never HttpClient.Timeout).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        ratings = await clients.CreateClient("ratings").GetFromJsonAsync<ProductRatings>($"/ratings/{productId}", linked.Token);
    }
    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
    {
        // As in Istio's Bookinfo, reviews still answer, without stars, when ratings are unavailable.
        logger.LogWarning("Ratings are unavailable: {Reason}", ex.Message);
    }

    Review Review(string reviewer, string text)
        => new(reviewer, text, ratings?.Ratings.TryGetValue(reviewer, out var stars) == true ? new Rating(stars) : null);

    return new ProductReviews(
        productId,
        $"{Environment.MachineName}:{context.Connection.LocalPort}",
        [
            Review("Reviewer1", "An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!"),
            Review("Reviewer2", "Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare."),
        ],
        RatingsAvailable: ratings is not null);
});

app.Run();

internal sealed record ProductRatings(int Id, Dictionary<string, int> Ratings);

internal sealed record Rating(int Stars);

internal sealed record Review(string Reviewer, string Text, Rating? Rating);

internal sealed record ProductReviews(int Id, string ServedBy, IReadOnlyList<Review> Reviews, bool RatingsAvailable);
