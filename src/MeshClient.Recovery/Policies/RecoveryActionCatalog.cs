namespace MeshClient.Recovery;

/// <summary>The registered actions by name (case-insensitive); a user action wins over a built-in one of the same name.</summary>
internal sealed class RecoveryActionCatalog
{
    private readonly Dictionary<string, IRecoveryAction> _actions = new(StringComparer.OrdinalIgnoreCase);

    public RecoveryActionCatalog(IEnumerable<IRecoveryAction> actions)
    {
        foreach (var action in actions)
        {
            if (!_actions.TryGetValue(action.Name, out var existing) || (existing is IBuiltInRecoveryAction && action is not IBuiltInRecoveryAction))
            {
                _actions[action.Name] = action;
            }
        }
    }

    public IEnumerable<string> Names => _actions.Keys.Order(StringComparer.OrdinalIgnoreCase);

    public IRecoveryAction? Find(string name) => _actions.GetValueOrDefault(name);
}
