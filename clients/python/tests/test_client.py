"""The client against a real hub on loopback: parties, agreements, intents with their ETags and 409/412/428,
conflicts, tracks, the audit export and the event stream, and problems naming the field at fault."""

import datetime
import itertools
import unittest

from deconflict_client import Hub, ProblemError
from tests.hub import LiveHub

_ids = itertools.count(1)


def circle(lon, lat, priority=0, lower=10000, upper=20000):
    """An intent: a 20 km circle, FL100-FL200, two hours."""
    return {"type": "FeatureCollection", "priority": priority, "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"alt_lower_ft": lower, "alt_upper_ft": upper, "radius_m": 20000,
                       "time_start": "2030-03-01T10:00:00Z", "time_end": "2030-03-01T12:00:00Z"}}]}


class ClientTests(unittest.TestCase):
    hub: LiveHub

    @classmethod
    def setUpClass(cls):
        cls.hub = LiveHub()
        cls.admin = Hub(cls.hub.url, cls.hub.admin_key)

    @classmethod
    def tearDownClass(cls):
        cls.hub.stop()

    def pair(self):
        """Two new parties sharing everything under an accepted agreement."""
        n = next(_ids)
        a = self.admin.create_party("Coalition %d" % n, "coalition")
        b = self.admin.create_party("Air force %d" % n, "state")
        ca, cb = Hub(self.hub.url, a["api_key"]), Hub(self.hub.url, b["api_key"])
        agreement = ca.propose_agreement(b["id"], languages={"proposer": "en", "counterparty": "ru"})
        self.assertEqual(agreement["status"], "proposed")
        self.assertEqual(cb.accept_agreement(agreement["id"])["status"], "active")
        return a, ca, b, cb

    def test_me_names_the_party_of_the_key(self):
        a, ca, _, _ = self.pair()
        me = ca.me()
        self.assertEqual(me["id"], a["id"])
        self.assertFalse(me["is_admin"])
        self.assertTrue(self.admin.me()["is_admin"])

    def test_an_intent_is_created_with_its_etag_refused_when_blocking_and_changed_with_if_match(self):
        _, ca, b, cb = self.pair()
        created = ca.put_intent("C-1", circle(38.0, 35.0, priority=1))
        self.assertEqual(created.status, 201)
        self.assertEqual(created.etag, '"1"')
        self.assertRegex(created.audit_receipt or "", r"^\d+\.[0-9a-f]+\.")
        with self.assertRaises(ProblemError) as refused:
            cb.put_intent("AF-1", circle(38.0, 35.0, priority=0))
        self.assertEqual(refused.exception.status, 409)
        self.assertEqual(refused.exception.problem["conflicts"][0]["intent_id"], "C-1")
        accepted = cb.put_intent("AF-1", circle(38.0, 35.0, priority=5))
        self.assertEqual(accepted.status, 201)
        self.assertEqual(len(accepted.body["conflicts"]), 1)
        with self.assertRaises(ProblemError) as missing:
            ca.put_intent("C-1", circle(38.0, 35.0, priority=9))
        self.assertEqual(missing.exception.status, 428)
        # Above the air force's 5, so its AF-1 does not block the change.
        changed = ca.put_intent("C-1", circle(38.0, 35.0, priority=9), if_match=created.etag)
        self.assertEqual((changed.status, changed.body["version"]), (200, 2))
        with self.assertRaises(ProblemError) as stale:
            ca.put_intent("C-1", circle(38.0, 35.0, priority=10), if_match=created.etag)
        self.assertEqual(stale.exception.status, 412)
        self.assertIn("If-Match", stale.exception.errors)
        conflicts = cb.conflicts()
        self.assertTrue(any(b["id"] in c["parties"] and c["kind"] == "strategic" for c in conflicts))
        got = cb.intent("C-1")
        self.assertEqual(got.body["type"], "FeatureCollection")
        self.assertEqual(got.etag, '"2"')
        self.assertEqual({s["id"] for s in cb.intents()}, {"C-1", "AF-1"})

    def test_a_check_stores_nothing_and_offers_alternatives(self):
        _, ca, _, cb = self.pair()
        ca.put_intent("C-2", circle(20.0, 50.0, priority=1))
        check = cb.check_intent("AF-2", circle(20.0, 50.0, priority=0))
        self.assertTrue(check["blocked"])
        self.assertTrue(check["alternatives"])
        self.assertEqual([s["id"] for s in cb.intents()], ["C-2"])

    def test_a_refused_intent_accepts_an_offered_alternative_in_one_call(self):
        _, ca, _, cb = self.pair()
        ca.put_intent("C-3", circle(21.0, 51.0, priority=1))
        with self.assertRaises(ProblemError) as refused:
            cb.put_intent("AF-3", circle(21.0, 51.0, priority=0))
        offered = {a["id"]: a for a in refused.exception.problem["alternatives"]}
        self.assertEqual(offered["delay"]["shift_s"], 7200)
        self.assertEqual(cb.alternatives("AF-3", circle(21.0, 51.0))["alternatives"][0]["id"], "delay")
        written = cb.accept_alternative("AF-3", "delay")
        self.assertEqual(written.status, 201)
        self.assertEqual(cb.intent("AF-3").body["features"][0]["properties"]["time_start"], "2030-03-01T12:00:00Z")

    def test_bad_input_is_a_problem_naming_the_field(self):
        _, ca, _, _ = self.pair()
        document = circle(10.0, 10.0)
        document["features"][0]["properties"]["alt_upper_ft"] = 5000
        with self.assertRaises(ProblemError) as bad:
            ca.put_intent("BAD-1", document)
        self.assertEqual(bad.exception.status, 400)
        self.assertIn("features[0].alt_upper_ft", bad.exception.errors)
        with self.assertRaises(ProblemError) as state:
            ca.conflicts(state="maybe")
        self.assertIn("state", state.exception.errors)
        with self.assertRaises(ProblemError) as denied:
            Hub(self.hub.url, "dcf_kdeadbeef_00").parties()
        self.assertEqual(denied.exception.status, 401)

    def test_a_call_the_document_does_not_describe_is_refused_before_sending(self):
        with self.assertRaises(ValueError):
            self.admin.call("NoSuchOperation")
        with self.assertRaises(ValueError):
            self.admin.call("GetIntent")
        with self.assertRaises(ValueError):
            self.admin.call("ListConflicts", query={"colour": "red"})

    def test_tracks_are_reported_and_seen_by_the_other_party(self):
        _, ca, _, cb = self.pair()
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        reply = ca.report_tracks([{"id": "RFF%d" % next(_ids), "t": now, "lat_deg": 35.1, "lon_deg": 38.2, "alt_ft": 31000},
                                  {"id": "BAD", "t": now, "lat_deg": 135.0, "lon_deg": 38.2}])
        self.assertEqual(reply["accepted"], 1)
        self.assertEqual([r["index"] for r in reply["rejected"]], [1])
        self.assertIn("lat_deg", reply["rejected"][0]["errors"])
        self.assertTrue(any(t["lat_deg"] == 35.1 for t in cb.tracks()))

    def test_the_audit_export_and_the_event_stream(self):
        a, ca, _, _ = self.pair()
        ca.put_intent("C-3", circle(0.0, 0.0))
        self.assertEqual(ca.audit_key()["algorithm"], "Ed25519")
        lines = ca.audit_export()
        self.assertTrue(lines)
        self.assertTrue(all("entry_hash" in line for line in lines))
        self.assertTrue(any(line.get("action") == "intent.put" or line.get("object_id") == "C-3" for line in lines))
        events = list(ca.events(last_event_id="0", limit=3))
        self.assertEqual(len(events), 3)
        self.assertTrue(all("id" in e and "event" in e for e in events))


if __name__ == "__main__":
    unittest.main()
