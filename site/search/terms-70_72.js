tracebriefSearch.terms("pr",{"premature":"q","presence":"k","president":"2,5","prime":"0,3,1"});
