// Bookinfo ratings: GET /ratings/{productId} -> the stars each reviewer gave the product.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"))
    .AddAspNetCore()
    .AddHealthProbes()
    .AddGracefulDrain()
    .AddPrometheus();

var app = builder.Build();
app.MapMeshEndpoints();
app.MapMeshHealth();
app.MapMeshMetrics();
app.MapGet("/ratings/{productId:int}", (int productId) => new ProductRatings(
    productId,
    new Dictionary<string, int> { ["Reviewer1"] = 5, ["Reviewer2"] = 4 }));

app.Run();

internal sealed record ProductRatings(int Id, IReadOnlyDictionary<string, int> Ratings);
