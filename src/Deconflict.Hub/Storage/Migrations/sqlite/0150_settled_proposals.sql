-- A proposal made before its pair later settled (accepted or ended an agreement) can no longer be accepted over
-- that settlement: open proposals left from before this rule are marked superseded at the settlement's time.
UPDATE agreements SET status = 'superseded', ended_at = (
    SELECT MAX(COALESCE(s.ended_at, s.accepted_at)) FROM agreements s
    WHERE s.id <> agreements.id AND s.accepted_at IS NOT NULL
      AND ((s.proposer = agreements.proposer AND s.counterparty = agreements.counterparty)
        OR (s.proposer = agreements.counterparty AND s.counterparty = agreements.proposer))
      AND COALESCE(s.ended_at, s.accepted_at) >= agreements.created_at)
WHERE status = 'proposed' AND EXISTS (
    SELECT 1 FROM agreements s
    WHERE s.id <> agreements.id AND s.accepted_at IS NOT NULL
      AND ((s.proposer = agreements.proposer AND s.counterparty = agreements.counterparty)
        OR (s.proposer = agreements.counterparty AND s.counterparty = agreements.proposer))
      AND COALESCE(s.ended_at, s.accepted_at) >= agreements.created_at);
