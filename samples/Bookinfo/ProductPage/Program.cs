// Bookinfo product page: GET /productpage/{id} -> the product with its reviews from http://reviews through the mesh,
// as JSON, or as a small HTML page when the client accepts text/html (a browser).
using System.Net;
using System.Net.Http.Json;
using System.Text;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"))
    .AddAspNetCore()
    .AddHealthProbes()
    .AddGracefulDrain()
    .AddPrometheus();
builder.Services.AddHttpClient("reviews", client => client.BaseAddress = new Uri("http://reviews")).AddMeshHandler();

var app = builder.Build();
app.MapMeshEndpoints();
app.MapMeshHealth();
app.MapMeshMetrics();
app.MapGet("/", () => Results.Redirect("/productpage/1"));
app.MapGet("/productpage/{id:int}", async (int id, HttpContext context, IHttpClientFactory clients, ILogger<Program> logger) =>
{
    ProductReviews? reviews = null;
    string? reviewsError = null;
    try
    {
        // A budget for the call to reviews, from TimeProvider (never HttpClient.Timeout).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3), TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        reviews = await clients.CreateClient("reviews").GetFromJsonAsync<ProductReviews>($"/reviews/{id}", linked.Token);
    }
    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
    {
        // As in Istio's Bookinfo, the page still renders when reviews are unavailable.
        logger.LogWarning("Reviews are unavailable: {Reason}", ex.Message);
        reviewsError = "Sorry, product reviews are currently unavailable for this book.";
    }

    var page = new ProductPageModel(Product.For(id), reviews, reviewsError);
    return context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html")
        ? Results.Content(page.ToHtml(), "text/html; charset=utf-8")
        : Results.Json(page);
});

app.Run();

internal sealed record Product(int Id, string Title, string Author, string Summary)
{
    public static Product For(int id) => new(
        id,
        "The Comedy of Errors",
        "William Shakespeare",
        "Wikipedia Summary: The Comedy of Errors is one of William Shakespeare's early plays. It is his shortest and one of his most farcical comedies.");
}

internal sealed record Rating(int Stars);

internal sealed record Review(string Reviewer, string Text, Rating? Rating);

internal sealed record ProductReviews(int Id, string ServedBy, IReadOnlyList<Review> Reviews, bool RatingsAvailable);

internal sealed record ProductPageModel(Product Product, ProductReviews? Reviews, string? ReviewsError)
{
    public string ToHtml()
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>").Append(E(Product.Title)).Append("</title></head><body>")
            .Append("<h1>").Append(E(Product.Title)).Append("</h1><p><em>").Append(E(Product.Author)).Append("</em></p>")
            .Append("<p>").Append(E(Product.Summary)).Append("</p><h2>Reviews</h2>");
        if (Reviews is null)
        {
            html.Append("<p>").Append(E(ReviewsError ?? "No reviews.")).Append("</p>");
        }
        else
        {
            foreach (var review in Reviews.Reviews)
            {
                var stars = review.Rating is { } rating ? new string('\u2605', rating.Stars) : "(ratings unavailable)";
                html.Append("<blockquote><p>").Append(E(review.Text)).Append("</p><small>").Append(E(review.Reviewer))
                    .Append(" \u2014 ").Append(stars).Append("</small></blockquote>");
            }

            html.Append("<p><small>Reviews served by ").Append(E(Reviews.ServedBy)).Append("</small></p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
