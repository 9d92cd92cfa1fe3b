using MeshClient.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Resilience;

public sealed class RetryBudgetTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RetryBudgetOptions _options = new();

    [Fact]
    public void TryWithdraw_FreshBudget_AllowsTwentyPercentOfRequests()
    {
        var budget = new RetryBudget(_time);
        Deposit(budget, 10);

        Withdraw(budget, 5).Should().Be(2);
    }

    [Fact]
    public void TryWithdraw_NoRequests_FloorAccruesWithTimeUpToOneWindow()
    {
        var budget = new RetryBudget(_time);
        Withdraw(budget, 1).Should().Be(0);

        _time.Advance(TimeSpan.FromSeconds(1));
        Withdraw(budget, 20).Should().Be(10);

        _time.Advance(TimeSpan.FromMinutes(5));
        Withdraw(budget, 200).Should().Be(100, "the floor is capped at one window (10 s × 10/s) and the earlier retries left the window");
    }

    [Fact]
    public void TryWithdraw_AfterTheWindow_OldRequestsNoLongerCount()
    {
        var options = new RetryBudgetOptions { MinRetriesPerSecond = 0 };
        var budget = new RetryBudget(_time);
        for (var i = 0; i < 10; i++)
        {
            budget.Deposit(_time.GetTimestamp(), options);
        }

        _time.Advance(TimeSpan.FromSeconds(11));

        budget.TryWithdraw(_time.GetTimestamp(), options).Should().BeFalse();
    }

    [Fact]
    public void Deposit_AfterWarmUp_AllocatesNothing()
    {
        var budget = new RetryBudget(_time);
        Deposit(budget, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Deposit(budget, 10_000);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private void Deposit(RetryBudget budget, int count)
    {
        for (var i = 0; i < count; i++)
        {
            budget.Deposit(_time.GetTimestamp(), _options);
        }
    }

    private int Withdraw(RetryBudget budget, int attempts)
    {
        var allowed = 0;
        for (var i = 0; i < attempts; i++)
        {
            allowed += budget.TryWithdraw(_time.GetTimestamp(), _options) ? 1 : 0;
        }

        return allowed;
    }
}
