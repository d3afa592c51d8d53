import IndiciaKit
