"""Package data: tables read with importlib.resources."""
