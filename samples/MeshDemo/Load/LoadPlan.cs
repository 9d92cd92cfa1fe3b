namespace MeshDemo.Load;

/// <summary>A bounded load: how many requests, how many at once, for how long at most, and how to build request <c>i</c>.</summary>
internal sealed record LoadPlan(int Requests, int Concurrency, TimeSpan TimeLimit, Func<int, HttpRequestMessage> CreateRequest);
