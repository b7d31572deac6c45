"""The client's model is the one generated from the hub's document, and every call the client makes is in it."""

import ast
import pathlib
import subprocess
import sys
import unittest

from deconflict_client import OPERATIONS

HERE = pathlib.Path(__file__).resolve().parents[1]


class ModelTests(unittest.TestCase):
    def test_the_model_is_generated_from_the_committed_document(self):
        check = subprocess.run([sys.executable, str(HERE / "generate_model.py"), "--check"], capture_output=True, text=True, timeout=60)
        self.assertEqual(check.returncode, 0, check.stderr)

    def test_every_operation_the_client_calls_is_in_the_document(self):
        tree = ast.parse((HERE / "deconflict_client" / "client.py").read_text(encoding="utf-8"))
        called = {node.args[0].value for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("call", "_send")
                  and node.args and isinstance(node.args[0], ast.Constant)}
        self.assertGreater(len(called), 15)
        self.assertEqual(called - set(OPERATIONS), set())

    def test_intent_writes_list_the_contract_statuses(self):
        put = OPERATIONS["PutIntent"]
        self.assertEqual(put["success"], [200, 201])
        self.assertTrue({400, 401, 403, 409, 412, 428, 429} <= set(put["errors"]))


if __name__ == "__main__":
    unittest.main()
